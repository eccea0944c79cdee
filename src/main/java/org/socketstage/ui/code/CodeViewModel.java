package org.socketstage.ui.code;

import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerEvent.CallHeld;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.ServerEvent.CallStarted;
import org.socketstage.event.Step;
import org.socketstage.ui.BatchedSink;
import org.socketstage.ui.text.UiText;

/**
 * The code panel's state: the C and the Java listing, each with the current call highlighted, results
 * beside the calls and fired error checks lit; plus the full text of the latest call. A pure function of
 * the events applied since the last reset(). Events only note what changed; the text is written and the lines
 * are built at {@link #publish()}, once per refresh of the window.
 */
public final class CodeViewModel implements BatchedSink {

    /** Calls the engine makes that the teaching program does not show (getsockname learns a port-0 port). */
    private static final Set<String> NOT_IN_LISTING = Set.of("getsockname", "poll");
    /** Stages whose failed check ends the C program with exit(). */
    private static final Set<Step> SETUP = Set.of(Step.SOCKET, Step.SETSOCKOPT, Step.SOCKADDR, Step.BIND,
            Step.LISTEN);

    private final CodeListing cShipped;
    private final CodeListing javaShipped;
    private CodeListing cFull;
    private CodeListing javaFull;
    private org.socketstage.settings.ServerConfig settings;
    private Step checkLeftOut;
    private final ListingViewModel c;
    private final ListingViewModel java;
    private final UiText text;
    private final ReadOnlyStringWrapper lastCall = new ReadOnlyStringWrapper();
    /** What the latest call line will say at the next publish: a call under way or returned, or words (one is null). */
    private ServerEvent lastCallEvent;
    private String lastCallWords;
    /** The call that was under way, as its event (its text is made only if a stop interrupts it). */
    private ServerEvent pendingEvent;
    /** A setup call failed: the C program has exited at its check, so the clean-up close stays out of the way. */
    private boolean setupFailed;

    public CodeViewModel(CodeListing c, CodeListing java, UiText text) {
        this.cShipped = c;
        this.javaShipped = java;
        this.cFull = c;
        this.javaFull = java;
        this.text = text;
        this.c = new ListingViewModel(c, r -> CallResultText.of(r, text));
        this.java = new ListingViewModel(java, r -> CallResultText.of(r, text));
        reset();
    }

    /** The two listings SocketStage ships, loaded from the class path. */
    public static CodeViewModel withBundledListings(UiText text) {
        return new CodeViewModel(StageLines.cListing(), StageLines.javaListing(), text);
    }

    @Override
    public void reset() {
        setupFailed = false;
        pendingEvent = null;
        c.reset();
        java.reset();
        noteLastCall(null, null);
        lastCall.set(text.get("code.noCallYet"));
    }

    /** Writes what the events since the last publish changed: the lines they touched and the latest call. */
    @Override
    public void publish() {
        c.publish();
        java.publish();
        String shown = lastCallEvent instanceof CallReturned r ? describe(r)
                : lastCallEvent instanceof CallStarted s ? callText(s) + "  " + text.get("code.calling")
                : lastCallWords;
        if (shown != null) {
            lastCall.set(shown);
            noteLastCall(null, null);
        }
    }

    /**
     * Shows the C listing without the error check of {@code stage}, and any check that goes missing with it
     * ({@link StageLines#checksLeftOut}), or with every check for {@code null}: the "forgot to check" fault.
     * Java has no -1 to forget (a failed call throws), so its listing stays whole. Clears the highlights:
     * replay the events afterwards.
     */
    public void leaveOutCheck(Step stage) {
        checkLeftOut = stage;
        c.use(cWithout(stage));
        java.use(javaFull);
        noteLastCall(null, null);
        lastCall.set(text.get("code.noCallYet"));
    }

    /** Writes the session's settings (port, address, backlog) into both listings, keeping what they show. */
    private void showSettings(org.socketstage.settings.ServerConfig config) {
        if (config.equals(settings)) {
            return;
        }
        settings = config;
        cFull = cShipped.withSettings(config);
        javaFull = javaShipped.withSettings(config);
        c.retext(cWithout(checkLeftOut));
        java.retext(javaFull);
    }

    private CodeListing cWithout(Step stage) {
        return stage == null ? cFull : cFull.withoutChecks(StageLines.checksLeftOut(stage));
    }

    @Override
    public void apply(ServerEvent event) {
        if (event instanceof ServerEvent.SettingsChanged changed) {
            showSettings(changed.config());
            return;
        }
        if (event instanceof ServerEvent.StateChanged s && s.actor().kind() == Actor.Kind.SERVER
                && (s.state() == org.socketstage.event.ServerState.STOPPED
                        || s.state() == org.socketstage.event.ServerState.FAILED)) {
            c.endRun();
            java.endRun();
            if (pendingEvent != null) {
                noteLastCall(null, text.format("code.stoppedDuring", callText(pendingEvent)));
                pendingEvent = null;
            }
            return;
        }
        if (event.actor().kind() == Actor.Kind.CLIENT) {
            return; // the listing is the server's program; client calls borrow stages but are not in it
        }
        if (event instanceof CallStarted s && !NOT_IN_LISTING.contains(s.call())) {
            if (s.stage() == Step.SOCKET) {
                setupFailed = false; // a new run begins
            }
            if (setupFailed && s.stage() == Step.CLOSE_LISTENER) {
                return;
            }
            String pending = text.get("code.calling");
            c.callPending(s.stage(), pending);
            java.callPending(s.stage(), pending);
            pendingEvent = s;
            noteLastCall(s, null);
        } else if (event instanceof CallHeld h && !NOT_IN_LISTING.contains(h.call())) {
            String held = text.format("code.held", h.reason());
            c.callPending(h.stage(), held);
            java.callPending(h.stage(), held);
            pendingEvent = h;
            noteLastCall(null, h.call() + "  " + held);
        } else if (event instanceof CallReturned r && !NOT_IN_LISTING.contains(r.call())) {
            pendingEvent = null;
            String check = r.failed() ? text.format("code.checkFired", r.errno().name()) : null;
            if (setupFailed && r.stage() == Step.CLOSE_LISTENER) {
                // the engine closes the socket after the failure; in C, exit() at the check has the kernel do it
                noteLastCall(r, null);
                return;
            }
            // the event itself: its short text is written only for the lines shown at the next publish
            c.callReturned(r, check);
            java.callReturned(r, check);
            noteLastCall(r, null);
            if (r.failed() && SETUP.contains(r.stage())) {
                setupFailed = true;
            }
        }
    }

    /** What the latest call line says at the next publish: the text is made only then, for the last one. */
    private void noteLastCall(ServerEvent event, String words) {
        lastCallEvent = event;
        lastCallWords = words;
    }

    /** A call under way as "accept(3, ...)", or "recv()" for one held at the gate, for what a stop interrupted. */
    private static String callText(ServerEvent pending) {
        if (pending instanceof CallStarted s) {
            return s.call() + "(" + s.args() + ")";
        }
        return pending instanceof CallHeld h ? h.call() + "()" : "";
    }

    private String describe(CallReturned r) {
        StringBuilder b = new StringBuilder(r.actor().label()).append(": ")
                .append(r.call()).append('(').append(r.args()).append(") = ")
                .append(r.failed() ? "-1 " + r.errno().straceText() : Long.toString(r.result()));
        if (r.simulated()) {
            b.append("  [").append(text.get("code.simulated")).append(']');
        } else if (r.injected()) {
            b.append("  [").append(text.get("common.injected")).append(']');
        }
        if (r.note() != null && !r.note().isBlank()) {
            b.append("  — ").append(r.note());
        }
        return b.toString();
    }

    public ListingViewModel c() {
        return c;
    }

    public ListingViewModel java() {
        return java;
    }

    public ReadOnlyStringProperty lastCallProperty() {
        return lastCall.getReadOnlyProperty();
    }

    public String lastCall() {
        return lastCall.get();
    }
}
