package org.socketstage.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import org.socketstage.event.ServerEvent;
import org.socketstage.ui.history.EventHistory;

/**
 * Hands the batches from {@link FxEventPump} to every ViewModel, and lets the view go back in time: all
 * scrubbable sinks are reset and fed the history up to the chosen moment, view-only, until "back to live".
 * Live-only sinks (the server controls) always see every event, because the real server never goes back.
 */
public final class ViewFeed {

    private static final System.Logger LOG = System.getLogger(ViewFeed.class.getName());

    public static final int DEFAULT_HISTORY = 10_000;

    private final EventHistory history;
    private final List<EventSink> sinks = new ArrayList<>();
    private final List<EventSink> liveSinks = new ArrayList<>();
    private final List<MomentAware> momentAware = new ArrayList<>();
    private final BooleanProperty live = new SimpleBooleanProperty(true);
    private final IntegerProperty size = new SimpleIntegerProperty();
    private final IntegerProperty momentIndex = new SimpleIntegerProperty(-1);
    private final LongProperty momentSeq = new SimpleLongProperty(-1);
    private final LongProperty dropped = new SimpleLongProperty();
    private int pendingMoment = -1;
    /** Events taken in that the views have not been told of yet. */
    private boolean untold;
    private long lastApplyNanos;
    private Runnable pulseWanted = () -> { };

    public ViewFeed(int historyCapacity) {
        this.history = new EventHistory(historyCapacity);
    }

    /** Told when the feed has work for the next pulse without new events (the pump pulses only when asked). */
    public void onPulseWanted(Runnable wanted) {
        this.pulseWanted = wanted;
    }

    public void addSink(EventSink sink) {
        sinks.add(sink);
    }

    public void addLiveSink(EventSink sink) {
        liveSinks.add(sink);
    }

    /** Told after every replay which moment is shown (for views that mark it, like the log's row). */
    public void addMomentAware(MomentAware m) {
        momentAware.add(m);
    }

    /** Takes the batch in and shows it at once (tests, and views fed without a pump). */
    public void accept(List<ServerEvent> batch) {
        take(batch);
        refresh();
    }

    /**
     * Records the events and applies them to the ViewModels, which show them at the next {@link #refresh}. The
     * history's size and the live moment follow at the refresh too.
     */
    public void take(List<ServerEvent> batch) {
        long t0 = System.nanoTime();
        // indexed loops: an iterator per event and list was a good part of what a flood allocated here
        for (int i = 0, n = batch.size(); i < n; i++) {
            ServerEvent e = batch.get(i);
            history.add(e);
            for (int j = 0; j < liveSinks.size(); j++) {
                apply(liveSinks.get(j), e);
            }
            if (live.get()) {
                for (int j = 0; j < sinks.size(); j++) {
                    apply(sinks.get(j), e);
                }
            }
        }
        lastApplyNanos = System.nanoTime() - t0;
        untold |= !batch.isEmpty();
    }

    /** Shows what was taken in since the last refresh, then a moment the user asked for meanwhile. */
    public void refresh() {
        if (untold) {
            untold = false;
            publish(liveSinks);
            if (live.get()) {
                publish(sinks);
                momentIndex.set(history.size() - 1);
                momentSeq.set(history.get(history.size() - 1).seq());
            }
            size.set(history.size());
            dropped.set(history.droppedCount());
            if (!live.get() && momentSeq.get() >= 0) {
                // the shown moment may have slid towards the front as old events were dropped
                momentIndex.set(Math.max(0, history.indexOf(momentSeq.get())));
            }
        }
        if (pendingMoment >= 0) {
            int index = pendingMoment;
            pendingMoment = -1;
            replay(index);
        }
    }

    /**
     * Nanoseconds the last {@link #take} spent applying its events one by one, without publishing them to the
     * views (at the refresh, whatever the number of events): the part of the cost that grows with the events.
     */
    public long lastApplyNanos() {
        return lastApplyNanos;
    }

    /** Asks to show the moment just after the kept event at this index; done on the next pulse. */
    public void requestMoment(int index) {
        if (history.isEmpty()) {
            return;
        }
        int clamped = Math.max(0, Math.min(index, history.size() - 1));
        if (clamped == history.size() - 1 && live.get()) {
            return;
        }
        live.set(false);
        momentIndex.set(clamped);
        momentSeq.set(history.get(clamped).seq());
        pendingMoment = clamped;
        pulseWanted.run();
    }

    /** Shows a moment at once (tests, and the scrubber's keyboard steps). */
    public void showMoment(int index) {
        requestMoment(index);
        if (pendingMoment >= 0) {
            pendingMoment = -1;
            replay(momentIndex.get());
        }
    }

    public void backToLive() {
        pendingMoment = -1;
        live.set(true);
        replay(history.size() - 1);
        if (!history.isEmpty()) {
            momentIndex.set(history.size() - 1);
            momentSeq.set(history.get(history.size() - 1).seq());
        }
    }

    private void replay(int index) {
        List<ServerEvent> events = history.isEmpty() ? List.of() : history.replayTo(index);
        long seq = events.isEmpty() ? -1 : events.get(events.size() - 1).seq();
        for (EventSink s : sinks) {
            try {
                s.reset();
            } catch (RuntimeException ex) {
                report(s, ex);
            }
            for (ServerEvent e : events) {
                apply(s, e);
            }
        }
        publish(sinks);
        List<MomentAware> told = new ArrayList<>(momentAware);
        sinks.stream().filter(s -> s instanceof MomentAware).forEach(s -> told.add((MomentAware) s));
        for (MomentAware m : told) {
            try {
                if (live.get()) {
                    m.showLive();
                } else {
                    m.showMoment(seq);
                }
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "marking the moment failed in " + m.getClass().getSimpleName(), ex);
            }
        }
    }

    private static void apply(EventSink sink, ServerEvent e) {
        try {
            sink.apply(e);
        } catch (RuntimeException ex) {
            report(sink, ex);
        }
    }

    private static void publish(List<EventSink> targets) {
        for (EventSink s : targets) {
            if (s instanceof BatchedSink b) {
                try {
                    b.publish();
                } catch (RuntimeException ex) {
                    report(s, ex);
                }
            }
        }
    }

    // one pane's bug must not freeze the others; the message names the pane
    private static void report(EventSink sink, RuntimeException ex) {
        LOG.log(System.Logger.Level.WARNING, "view model " + sink.getClass().getSimpleName() + " failed", ex);
    }

    public EventHistory history() {
        return history;
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live;
    }

    public boolean isLive() {
        return live.get();
    }

    /** Number of events kept for going back. */
    public ReadOnlyIntegerProperty sizeProperty() {
        return size;
    }

    /** Index in the history of the moment shown (the newest while live). */
    public ReadOnlyIntegerProperty momentIndexProperty() {
        return momentIndex;
    }

    /** Event number (seq) of the moment shown. */
    public ReadOnlyLongProperty momentSeqProperty() {
        return momentSeq;
    }

    public ReadOnlyLongProperty droppedProperty() {
        return dropped;
    }
}
