package org.socketstage.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;

/**
 * The one door from the engine's threads to the FX thread. The bus listener only enqueues; an AnimationTimer
 * drains the queue once per pulse and hands the batch to the view. A batch is sized to what the views can do
 * in a few milliseconds (learnt from the last batches), so a flood of events makes the view lag, never freeze. Within a
 * batch only the newest kernel snapshot is kept: the kernel view is a picture of "now", older pictures of the
 * same pulse would never be seen anyway.
 */
public final class FxEventPump implements AutoCloseable {

    public static final int MAX_EVENTS_PER_PULSE = 2_000;
    static final int MIN_EVENTS_PER_PULSE = 20;
    /** Time the views may spend on events per pulse: half of a 60 Hz frame, the rest is for layout and input. */
    static final long BUDGET_NANOS = 8_000_000;
    /** When pulses come slower than 60 Hz (a busy machine), events may take up to half the time between them. */
    static final long MAX_BUDGET_NANOS = 40_000_000;
    static final int INBOX_CAPACITY = 100_000;

    private final BlockingQueue<ServerEvent> inbox = new ArrayBlockingQueue<>(INBOX_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    /** How many events the next pulse takes: adapted so a pulse's work stays near the budget. */
    private int limit = 200;
    private long budget = BUDGET_NANOS;
    private long lastPulse;
    private final EventBus.Subscription subscription;
    private final Consumer<List<ServerEvent>> onBatch;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (lastPulse != 0) {
                budget = Math.max(BUDGET_NANOS, Math.min(MAX_BUDGET_NANOS, (now - lastPulse) / 2));
            }
            lastPulse = now;
            drain();
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
    }

    public void start() {
        timer.start();
    }

    /** Delivers what has arrived, at most one batch, possibly empty (the view also uses the pulse). */
    void drain() {
        if (inbox.isEmpty()) {
            onBatch.accept(List.of());
            return;
        }
        List<ServerEvent> raw = new ArrayList<>(Math.min(inbox.size(), limit));
        inbox.drainTo(raw, limit);
        long t0 = System.nanoTime();
        onBatch.accept(coalesceKernelSnapshots(raw));
        long took = System.nanoTime() - t0;
        // most of a batch's cost is per batch (redrawing), not per event: grow while under budget, shrink when over
        if (took > budget) {
            limit = Math.max(MIN_EVENTS_PER_PULSE, (int) (raw.size() * 0.7));
        } else if (raw.size() >= limit) {
            limit = Math.min(MAX_EVENTS_PER_PULSE, (int) (limit * 1.5) + 1);
        }
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
        timer.stop();
        subscription.close();
    }
}
