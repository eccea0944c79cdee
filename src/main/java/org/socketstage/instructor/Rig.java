package org.socketstage.instructor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.socketstage.event.Actor;
import org.socketstage.settings.PacingMode;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.server.StepGate;

/**
 * The tools a running set-up uses: drive the classroom, tell the instructor each step, and wait (bounded)
 * for what the server and clients report. Events count only from the current chapter on, so an answer from
 * an earlier server run is never mistaken for the one awaited now.
 */
final class Rig {

    private static final Duration BASE_PATIENCE = Duration.ofSeconds(10);
    private static final int CALLS_PER_WAIT = 25;
    /** How long a set-up paused at its fault waits for the instructor's Run or Step. */
    static final Duration PAUSE_PATIENCE = Duration.ofMinutes(30);

    final Classroom room;
    final KernelProbe kernel = KernelProbe.system();
    private final EventWatch watch;
    private final Progress progress;
    private final boolean pauseAtFault;
    private boolean holdArmed;
    private long since;

    Rig(Classroom room, EventWatch watch, Progress progress, boolean pauseAtFault) {
        this.room = room;
        this.watch = watch;
        this.progress = progress;
        this.pauseAtFault = pauseAtFault;
        this.since = room.bus().lastSeq();
    }

    /** True when this demonstration pauses the server at its fault (see {@link FaultDemo#pauseAtFault}). */
    boolean pausesAtFault() {
        return pauseAtFault;
    }

    /** Arms the pause at the next failed server call, when this demonstration pauses at its fault. */
    void pauseAtNextFault() {
        if (pauseAtFault) {
            room.faults().holdAtNextFault();
            holdArmed = true;
        }
    }

    /**
     * After the fault: with the server paused there, says so and waits for the instructor (up to
     * {@link #PAUSE_PATIENCE}) instead of the usual patience.
     */
    <T extends ServerEvent> Optional<T> awaitReaction(Class<T> type, Predicate<? super T> match) throws InterruptedException {
        if (!holdArmed) {
            return await(type, match);
        }
        say("paused at the fault: the failed call stays on screen. Press Run or Step to see what the server does next");
        return watch.await(type, since, match, PAUSE_PATIENCE);
    }

    void say(String line) {
        progress.say(line);
    }

    /** A demonstration cannot wait for someone to press Step; run mode keeps the delay the class can follow. */
    void keepMoving() {
        StepGate gate = room.gate();
        if (gate.mode() == PacingMode.STEP) {
            gate.setMode(PacingMode.RUN);
            say("step mode switched to run mode so the demonstration can go on by itself (Undo switches it back)");
        }
    }

    /** Long enough for the slowest run-mode delay to pass a couple of dozen calls. */
    Duration patience() {
        StepGate gate = room.gate();
        long perCall = gate.mode() == PacingMode.RUN ? gate.delayMillis() : 0;
        return BASE_PATIENCE.plusMillis(perCall * CALLS_PER_WAIT);
    }

    /** Only events published from now on count. */
    void newChapter() {
        since = room.bus().lastSeq();
    }

    void stopServer() {
        if (room.serverRunning()) {
            say("stopping the server");
            room.stopServer();
        }
    }

    /** Stops any run, then starts a new one with the current settings. */
    void restartServer() {
        stopServer();
        newChapter();
        int port = room.config().port();
        say("starting the server (" + room.config().bindHost() + ":" + (port == 0 ? "0, the kernel picks the port" : port)
                + ", backlog "
                + room.config().backlog() + ", SO_REUSEADDR " + (room.config().reuseAddr() ? "on" : "off") + ")");
        room.startServer();
    }

    <T extends ServerEvent> Optional<T> await(Class<T> type, Predicate<? super T> match) throws InterruptedException {
        return watch.await(type, since, match, patience());
    }

    <T extends ServerEvent> Optional<T> await(Class<T> type, Predicate<? super T> match, Duration timeout)
            throws InterruptedException {
        return watch.await(type, since, match, timeout);
    }

    <T extends ServerEvent> List<T> seen(Class<T> type, Predicate<? super T> match) {
        return watch.all(type, since, match);
    }

    /** The next call of this stage made by the server (its listening socket or a connection). */
    Optional<CallReturned> serverCall(Step stage) throws InterruptedException {
        return await(CallReturned.class, r -> r.actor().kind() != Actor.Kind.CLIENT && r.stage() == stage);
    }

    /** The next call with this name made by a client (connect, close …). */
    Optional<CallReturned> clientCall(String call) throws InterruptedException {
        return await(CallReturned.class, r -> r.actor().kind() == Actor.Kind.CLIENT && r.call().equals(call));
    }

    boolean heldAt(Step stage) throws InterruptedException {
        return await(ServerEvent.CallHeld.class, h -> h.stage() == stage).isPresent();
    }

    /**
     * Waits until the server waits in accept(), or has ended. True when it accepts; otherwise says why not.
     */
    boolean awaitAccepting() throws InterruptedException {
        Optional<ServerEvent> e = await(ServerEvent.class, ev ->
                ev instanceof ServerEvent.CallStarted s && s.actor().kind() == Actor.Kind.SERVER && s.stage() == Step.ACCEPT
                        || ev instanceof ServerEvent.StateChanged c && ended(c.state()));
        if (e.isEmpty()) {
            say("the server did not reach accept() within " + patience().toSeconds() + " s");
            return false;
        }
        if (e.get() instanceof ServerEvent.StateChanged c) {
            say("the server ended before accept(): " + c.detail());
            return false;
        }
        return true;
    }

    Optional<ServerEvent.StateChanged> serverEnd() throws InterruptedException {
        return await(ServerEvent.StateChanged.class, c -> ended(c.state()));
    }

    private static boolean ended(ServerState state) {
        return state == ServerState.FAILED || state == ServerState.STOPPED;
    }

    /** The port clients should use: the one the server bound, else the configured one. */
    int serverPort() {
        int p = room.serverPort();
        return p > 0 ? p : room.config().port();
    }

    /** {@code bind(3, {...}, 16) = -1 EADDRINUSE (Address already in use)}, saying where the result came from. */
    static String describe(CallReturned r) {
        String origin = r.simulated() ? "" : r.failed() ? "  (real: the kernel's answer)" : "";
        return r.straceText() + origin;
    }

    static boolean failedWith(CallReturned r, String... errnoNames) {
        if (!r.failed()) {
            return false;
        }
        for (String name : errnoNames) {
            if (r.errno().name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
