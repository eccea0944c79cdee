package org.socketstage.ui.lane;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.ui.BatchedSink;
import org.socketstage.ui.text.UiText;

/**
 * The lifecycle lane: one card per stage, the stage the server is at, and how many clients went round the
 * accept loop. A pure function of the events fed since the last reset.
 *
 * <p>A call's card and the status line are written when they are published, from the stage's latest call: under a
 * flood a stage's card changes thousands of times between two refreshes, and writing every one of them (their texts,
 * the strace line) was a quarter of what the window allocated.
 */
public final class LaneViewModel implements BatchedSink {

    private final UiText texts;
    private final ErrnoAdvice advice;
    private final Map<Step, StageCard> cards = new EnumMap<>(Step.class);
    /** A stage's latest call (started or returned) whose card is not written yet. */
    private final Map<Step, ServerEvent> unwritten = new EnumMap<>(Step.class);
    /** The call the status line is about, when its text is not written yet. */
    private ServerEvent unwrittenStatus;
    private Step current;
    private int round;
    private String statusLine = "";
    private Step failedStage;
    private String failureLine = "";

    private final Map<Step, ObjectProperty<StageCard>> cardProperties = new EnumMap<>(Step.class);
    private final ObjectProperty<Step> currentStage = new SimpleObjectProperty<>();
    private final IntegerProperty rounds = new SimpleIntegerProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty failure = new SimpleStringProperty("");

    public LaneViewModel(UiText texts) {
        this.texts = texts;
        this.advice = new ErrnoAdvice(texts);
        for (Step s : Step.values()) {
            cardProperties.put(s, new SimpleObjectProperty<>(StageCard.waiting(s)));
        }
        reset();
        publish();
    }

    @Override
    public void reset() {
        for (Step s : Step.values()) {
            setCard(s, StageCard.waiting(s));
        }
        current = null;
        round = 0;
        failedStage = null;
        failureLine = "";
        setStatus(texts.get("lane.status.idle"));
    }

    private void setCard(Step step, StageCard card) {
        unwritten.remove(step);
        cards.put(step, card);
    }

    /** The stage's card as it stands, written now if its latest call's is not yet. */
    private StageCard cardOf(Step step) {
        ServerEvent latest = unwritten.remove(step);
        if (latest instanceof ServerEvent.CallStarted c) {
            cards.put(step, startedCard(c));
        } else if (latest instanceof ServerEvent.CallReturned r) {
            cards.put(step, returnedCard(r));
        }
        return cards.get(step);
    }

    private void setStatus(String line) {
        statusLine = line;
        unwrittenStatus = null;
    }

    @Override
    public void apply(ServerEvent event) {
        if (event instanceof ServerEvent.StateChanged s) {
            onState(s);
        } else if (event instanceof ServerEvent.CallStarted c) {
            onStarted(c);
        } else if (event instanceof ServerEvent.CallHeld h) {
            onHeld(h);
        } else if (event instanceof ServerEvent.CallReturned r) {
            onReturned(r);
        } else if (event instanceof ServerEvent.Notice n && fromServerFlow(n)) {
            setStatus(texts.format("lane.status.notice", n.text()));
        }
    }

    private static boolean fromServerFlow(ServerEvent e) {
        Actor a = e.actor();
        return a != null && (a.kind() == Actor.Kind.SERVER || a.kind() == Actor.Kind.CONNECTION);
    }

    private void onState(ServerEvent.StateChanged s) {
        if (s.actor() != null && s.actor().kind() != Actor.Kind.SERVER) {
            return;
        }
        if (s.state() == ServerState.RUNNING && anyStageReached()) {
            reset();
        }
        if (s.state() == ServerState.STOPPED || s.state() == ServerState.FAILED) {
            abandonUnfinishedCalls();
        }
        String detail = s.detail() == null || s.detail().isBlank() ? "" : " — " + s.detail();
        setStatus(texts.get("lane.status." + s.state().name().toLowerCase(java.util.Locale.ROOT)) + detail);
    }

    /** A stopped server is in no call: what was next or running never returned, and the lane says so. */
    private void abandonUnfinishedCalls() {
        for (Step step : Step.values()) {
            StageCard c = cardOf(step);
            if (c.status() == StageStatus.NEXT || c.status() == StageStatus.ACTIVE) {
                setCard(step, new StageCard(step, StageStatus.ABANDONED, texts.get("lane.result.abandoned"), "", "",
                        false, texts.get("lane.note.abandoned"), c.call(), c.actor()));
            }
        }
    }

    private boolean anyStageReached() {
        return !unwritten.isEmpty() || cards.values().stream().anyMatch(c -> c.status() != StageStatus.WAITING);
    }

    private void onStarted(ServerEvent.CallStarted c) {
        if (!fromServerFlow(c)) {
            return;
        }
        if (c.stage() == Step.SOCKET && c.actor().kind() == Actor.Kind.SERVER && anyStageReached()) {
            reset();
        }
        unwritten.put(c.stage(), c);
        moveHighlightTo(c.stage());
        unwrittenStatus = c;
    }

    private StageCard startedCard(ServerEvent.CallStarted c) {
        String call = c.call() + "(" + (c.args() == null ? "" : c.args()) + ")";
        return new StageCard(c.stage(), StageStatus.ACTIVE, "", "", "", false, inCallNote(c.stage()), call,
                c.actor().label());
    }

    /**
     * After a setup call failed, the server's clean-up close(listener) does not take the highlight: the
     * failed stage is where the program stopped, as its error check exits there.
     */
    private void moveHighlightTo(Step stage) {
        boolean setupFailed = failedStage != null && failedStage.ordinal() <= Step.LISTEN.ordinal();
        if (!(setupFailed && stage == Step.CLOSE_LISTENER)) {
            current = stage;
        }
    }

    private String inCallNote(Step stage) {
        String specific = "lane.note.inCall." + stage.name();
        return texts.has(specific) ? texts.get(specific) : texts.get("lane.note.inCall");
    }

    private void onHeld(ServerEvent.CallHeld h) {
        if (!fromServerFlow(h)) {
            return;
        }
        StageCard old = cardOf(h.stage());
        String reasonKey = "lane.held." + (h.reason() == null ? "step" : h.reason());
        String note = texts.has(reasonKey) ? texts.get(reasonKey) : texts.format("lane.held.other", h.reason());
        setCard(h.stage(), new StageCard(h.stage(), StageStatus.NEXT, "", "", "", false, note,
                old.call().isEmpty() ? h.call() : old.call(), h.actor().label()));
        moveHighlightTo(h.stage());
        setStatus(texts.format("lane.status.held", h.stage().label(), note));
    }

    private void onReturned(ServerEvent.CallReturned r) {
        if (!fromServerFlow(r)) {
            return;
        }
        if (r.stage() == Step.ACCEPT && !r.failed()) {
            for (Step s : Step.values()) {
                if (s.perClient()) {
                    setCard(s, StageCard.waiting(s));
                }
            }
            round++;
        }
        unwritten.put(r.stage(), r);
        moveHighlightTo(r.stage());
        if (r.failed()) {
            failedStage = r.stage();
            failureLine = texts.format("lane.failure", r.stage().label(), r.errno().name(), explanation(r))
                    + (r.simulated() ? " (" + texts.get("common.simulated") + ")" : "")
                    + (r.injected() ? " (" + texts.get("common.injected") + ")" : "");
        } else if (r.stage() == failedStage) {
            failedStage = null;
            failureLine = "";
        }
        unwrittenStatus = r;
    }

    private StageCard returnedCard(ServerEvent.CallReturned r) {
        String errnoName = r.failed() ? r.errno().name() : "";
        String note = r.note() == null ? "" : r.note();
        return new StageCard(r.stage(), r.failed() ? StageStatus.FAILED : StageStatus.OK, shownResult(r), errnoName,
                explanation(r), r.simulated(), note, r.straceText(), r.actor().label());
    }

    private String explanation(ServerEvent.CallReturned r) {
        return r.failed() ? advice.explain(r.stage(), r.errno()) : "";
    }

    /** The result as the card shows it, marked when SocketStage or the tracer made it up. */
    private String shownResult(ServerEvent.CallReturned r) {
        String result = resultText(r);
        if (r.simulated()) {
            return texts.format("lane.result.simulated", result);
        } else if (r.injected()) {
            return texts.format("lane.result.injected", result);
        }
        return result;
    }

    private String statusOf(ServerEvent e) {
        if (e instanceof ServerEvent.CallStarted c) {
            return texts.format("lane.status.calling", c.stage().label(), c.actor().label());
        }
        ServerEvent.CallReturned r = (ServerEvent.CallReturned) e;
        return r.failed()
                ? texts.format("lane.status.failed", r.stage().label(), r.errno().name(), explanation(r))
                : texts.format("lane.status.returned", r.stage().label(), shownResult(r));
    }

    private String resultText(ServerEvent.CallReturned r) {
        if (r.failed()) {
            return texts.format("lane.result.failed", r.errno().name());
        }
        return switch (r.stage()) {
            case SOCKET -> texts.format("lane.result.fd", r.result());
            case ACCEPT -> r.address() == null
                    ? texts.format("lane.result.fd", r.result())
                    // the peer on a line of its own, wrapping at its space like sockaddr_in's card: a narrow
                    // card broke "(127.0.0.1:36850)" inside the number
                    : texts.format("lane.result.fdPeer", r.result(), r.address().host(), r.address().port());
            case RECV -> r.result() == 0
                    ? texts.get("lane.result.recvZero")
                    : texts.format("lane.result.bytes", r.result());
            case SEND -> texts.format("lane.result.bytes", r.result());
            case SOCKADDR -> r.address() == null
                    ? texts.format("lane.result.value", r.result())
                    : texts.format("lane.result.address", r.address().host(), r.address().port());
            default -> texts.format("lane.result.value", r.result());
        };
    }

    @Override
    public void publish() {
        for (Step s : Step.values()) {
            ObjectProperty<StageCard> p = cardProperties.get(s);
            StageCard card = cardOf(s);
            if (!p.get().equals(card)) {
                p.set(card);
            }
        }
        if (unwrittenStatus != null) {
            setStatus(statusOf(unwrittenStatus));
        }
        currentStage.set(current);
        rounds.set(round);
        status.set(statusLine);
        failure.set(failureLine);
    }

    public ReadOnlyObjectProperty<StageCard> cardProperty(Step stage) {
        return cardProperties.get(stage);
    }

    public StageCard card(Step stage) {
        return cardProperties.get(stage).get();
    }

    /** The stage the server is at: held before it, inside it, or just returned from it. */
    public ReadOnlyObjectProperty<Step> currentStageProperty() {
        return currentStage;
    }

    /** Clients accepted so far in this run: how many times the accept loop went round. */
    public ReadOnlyIntegerProperty roundsProperty() {
        return rounds;
    }

    /** The latest failure: stage, errno name and the plain sentence; empty when nothing failed. */
    public ReadOnlyStringProperty failureProperty() {
        return failure;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
