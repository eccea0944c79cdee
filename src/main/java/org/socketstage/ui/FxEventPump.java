package org.socketstage.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import java.util.function.LongSupplier;

/**
 * The one door from the engine's threads to the FX thread. The bus listener only enqueues; an AnimationTimer
 * drains the queue once per pulse and hands the batch to the view. The timer runs only while there is work:
 * the first event after a quiet spell starts it (one hop to the FX thread, not one per event) and a pulse that
 * finds nothing more stops it, so an idle window asks JavaFX for no pulses at all.
 *
 * <p>Under a class's load the views are refreshed ten times a second, not every frame ({@link RefreshCadence}).
 *
 * <p>A batch is sized to what the views can do in a few milliseconds, measured over the whole pulse's work when
 * the scene is known ({@link #measureLayoutOf}): applying the events plus the CSS and layout they cause. Only
 * applying scales with the batch (the views publish once per batch, so the layout after it costs about the same
 * for 20 events as for 2,000), so the limit follows the measured cost per event in what the layout leaves of the
 * budget. So a flood of events makes the view lag, never freeze, and a view that fell behind catches up in
 * bigger batches rather than in more frames. Within a batch only the newest kernel snapshot is kept: the
 * kernel view is a picture of "now", older pictures of the same pulse would never be seen anyway.
 */
public final class FxEventPump implements AutoCloseable {

    public static final int MAX_EVENTS_PER_PULSE = 10_000;
    /** Events waiting before the status bar says that the view is behind (about a second of a class's load). */
    public static final int NOTICEABLE_LAG = 2_000;
    static final int MIN_EVENTS_PER_PULSE = 20;
    /** Time a pulse may spend on events and the layout they cause: well under a 60 Hz frame, the rest is for drawing and input. */
    static final long BUDGET_NANOS = 10_000_000;
    /** When pulses come slower than 60 Hz (a busy machine), events may take up to half the time between them. */
    static final long MAX_BUDGET_NANOS = 40_000_000;
    /**
     * Events waiting for the view before newer ones are dropped (counted, and said in the status bar): about a
     * second of a flood. A bigger inbox only made the view further behind: at 100,000 a 60 s flood kept it full
     * (5 s behind, dropping all the same) and its events were a third of the live heap.
     */
    static final int INBOX_CAPACITY = 20_000;

    private final BlockingQueue<ServerEvent> inbox = new ArrayBlockingQueue<>(INBOX_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    /** True from the first event after a quiet spell until a pulse finds the inbox empty (then the timer stops). */
    private final AtomicBoolean awake = new AtomicBoolean();
    /** How many events the next pulse takes: adapted so a pulse's work stays near the budget. */
    private int limit = 200;
    private long budget = BUDGET_NANOS;
    private long lastPulse;
    private boolean running;
    private boolean started;
    private boolean closed;
    private boolean layoutMeasured;
    /** Start of the batch delivered this pulse and its size, until the layout after it has been measured. */
    private long batchStart;
    private long batchApplied;
    private int batchSize = -1;
    private final EventBus.Subscription subscription;
    private final Consumer<List<ServerEvent>> onBatch;
    private final RefreshCadence cadence = new RefreshCadence();
    /** The part of the last batch's cost that grows with its size, when the target can tell; else all of it. */
    private LongSupplier perEventPart;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (lastPulse != 0) {
                budget = Math.max(BUDGET_NANOS, Math.min(MAX_BUDGET_NANOS, (now - lastPulse) / 2));
            }
            lastPulse = now;
            if (!cadence.due(now)) {
                return; // under load: this frame only draws, the events wait for the next refresh
            }
            int delivered = drain();
            cadence.delivered(now, delivered);
            if (inbox.isEmpty()) {
                sleep();
            }
        }
    };

    /** Subscribes at once; call {@link #start()} on the FX thread to begin delivering. */
    public FxEventPump(EventBus bus, Consumer<List<ServerEvent>> onBatch) {
        this.onBatch = onBatch;
        this.subscription = bus.subscribe("fx-view", this::enqueue);
        subscription.alsoCountLost(dropped::get);
    }

    private void enqueue(ServerEvent event) {
        if (!inbox.offer(event)) {
            dropped.incrementAndGet();
        }
        if (awake.compareAndSet(false, true)) {
            try {
                Platform.runLater(this::wake);
            } catch (IllegalStateException toolkitGone) {
                awake.set(false); // the FX toolkit has ended (the app is closing): nobody is left to show it
            }
        }
    }

    /** Begins delivering (on the FX thread): what arrived before is delivered on the next pulse. */
    public void start() {
        started = true;
        awake.set(true);
        wake();
    }

    /**
     * Asks for one more pulse even without new events, for view work that waits for a pulse (a moment chosen in
     * the history). Call on the FX thread.
     */
    public void requestPulse() {
        awake.set(true);
        wake();
    }

    private void wake() {
        if (closed || !started || running) {
            return;
        }
        running = true;
        lastPulse = 0;
        timer.start();
    }

    /** Nothing left: stop asking for pulses until the next event (checked again, one may have come meanwhile). */
    private void sleep() {
        timer.stop();
        running = false;
        cadence.reset();
        awake.set(false);
        if (!inbox.isEmpty() && awake.compareAndSet(false, true)) {
            wake();
        }
    }

    /** Whether the pump is asking JavaFX for pulses (it does only while it has events to deliver). */
    boolean isPulsing() {
        return running;
    }

    /**
     * Measures each pulse's work up to the end of the layout its events cause, not only applying them: a
     * batch that is cheap to apply but expensive to lay out must shrink too. Call on the FX thread.
     */
    public void measureLayoutOf(Scene scene) {
        layoutMeasured = true;
        scene.addPostLayoutPulseListener(this::layoutDone);
    }

    /**
     * Where the pump reads how long the last batch took to apply event by event (without what the views do
     * once per batch), to size batches by the cost per event. Call on the FX thread.
     */
    public void measureEventsBy(LongSupplier applyNanos) {
        this.perEventPart = applyNanos;
    }

    /** Delivers what has arrived, at most one batch, possibly empty (the view also uses the pulse); returns its size. */
    int drain() {
        if (inbox.isEmpty()) {
            onBatch.accept(List.of());
            return 0;
        }
        List<ServerEvent> raw = new ArrayList<>(Math.min(inbox.size(), limit));
        inbox.drainTo(raw, limit);
        batchStart = System.nanoTime();
        batchSize = raw.size();
        onBatch.accept(coalesceKernelSnapshots(raw));
        batchApplied = perEventPart != null ? perEventPart.getAsLong() : System.nanoTime() - batchStart;
        if (!layoutMeasured) {
            adapt(batchApplied);
        }
        return raw.size();
    }

    /** Whether the views are refreshed at the slower, busy cadence right now (see {@link RefreshCadence}). */
    boolean refreshingAtBusyCadence() {
        return cadence.busy();
    }

    private void layoutDone() {
        if (batchSize >= 0) {
            adapt(System.nanoTime() - batchStart);
        }
    }

    private void adapt(long took) {
        limit = nextLimit(limit, batchSize, batchApplied, took, budget);
        batchSize = -1;
    }

    /**
     * The events the next pulse may take, from the last batch: {@code applied} nanoseconds to apply its
     * {@code size} events, {@code total} up to the end of the layout they caused. The layout's share is paid
     * whatever the batch's size, so the events get what it leaves of the budget (at least half of it: a heavy
     * layout must not starve them, or the view never catches up) at the measured cost per event. Shrinks at once,
     * grows at most twice per pulse (one batch's cost per event is noisy).
     */
    static int nextLimit(int limit, int size, long applied, long total, long budget) {
        if (size <= 0) {
            return limit;
        }
        double perEvent = Math.max(1.0, applied / (double) size);
        long layout = Math.max(0, total - applied);
        long room = Math.max(budget / 2, budget - layout);
        int fits = (int) Math.min(MAX_EVENTS_PER_PULSE, room / perEvent);
        int next = fits < limit ? fits : Math.min(fits, 2 * limit);
        return Math.max(MIN_EVENTS_PER_PULSE, next);
    }

    /** How many events the next pulse takes; under a flood the view falls behind (and says so) instead of freezing. */
    int batchLimit() {
        return limit;
    }

    static List<ServerEvent> coalesceKernelSnapshots(List<ServerEvent> batch) {
        int lastKernel = -1;
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (batch.get(i) instanceof ServerEvent.KernelChanged) {
                lastKernel = i;
                break;
            }
        }
        if (lastKernel < 0) {
            return batch;
        }
        List<ServerEvent> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (i == lastKernel || !(batch.get(i) instanceof ServerEvent.KernelChanged)) {
                out.add(batch.get(i));
            }
        }
        return out;
    }

    /** Events that never reached the view because it fell too far behind (the bus's count plus ours). */
    public long dropped() {
        return subscription.dropped(); // the bus's count plus this inbox's (alsoCountLost)
    }

    /** Events received but not yet handed to the view. */
    public int pending() {
        return inbox.size();
    }

    @Override
    public void close() {
        closed = true;
        running = false;
        timer.stop();
        subscription.close();
    }
}
