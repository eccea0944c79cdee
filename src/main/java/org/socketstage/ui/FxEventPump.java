package org.socketstage.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import org.socketstage.server.EventBus;
import org.socketstage.server.ServerEvent;

/**
 * The one door from the engine's threads to the FX thread. The bus listener only enqueues; an AnimationTimer
 * drains the queue once per pulse, in a batch of bounded size, and hands the batch to the view. Within a
 * batch only the newest kernel snapshot is kept: the kernel view is a picture of "now", older pictures of the
 * same pulse would never be seen anyway.
 */
public final class FxEventPump implements AutoCloseable {

    public static final int MAX_EVENTS_PER_PULSE = 2_000;
    static final int INBOX_CAPACITY = 100_000;

    private final BlockingQueue<ServerEvent> inbox = new ArrayBlockingQueue<>(INBOX_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final EventBus.Subscription subscription;
    private final Consumer<List<ServerEvent>> onBatch;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain();
        }
    };

    /** Subscribes at once; call {@link #start()} on the FX thread to begin delivering. */
    public FxEventPump(EventBus bus, Consumer<List<ServerEvent>> onBatch) {
        this.onBatch = onBatch;
        this.subscription = bus.subscribe("fx-view", this::enqueue);
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
        List<ServerEvent> raw = new ArrayList<>(Math.min(inbox.size(), MAX_EVENTS_PER_PULSE));
        inbox.drainTo(raw, MAX_EVENTS_PER_PULSE);
        onBatch.accept(coalesceKernelSnapshots(raw));
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
        return dropped.get() + subscription.dropped();
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
