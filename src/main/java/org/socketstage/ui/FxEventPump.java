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
 * drains the queue and hands the events to the views. The timer runs only while there is work: the first event
 * after a quiet spell starts it (one hop to the FX thread, not one per event) and a pulse that finds nothing more
 * stops it, so an idle window asks JavaFX for no pulses at all.
 *
 * <p>Taking events in and showing them are two steps. Every pulse takes in what has arrived (the ViewModels
 * apply the events: model work, no scene graph), as much as fits in a few milliseconds at the measured cost per
 * event. A refresh shows what was taken in (the ViewModels publish to the views, which costs the window a CSS
 * and layout pass, about the same for 20 events as for 2,000): every frame while events come one by one, ten
 * times a second under a class's load ({@link RefreshCadence}). A refresh's pulse takes in less, by what the
 * last refresh cost up to the end of its layout ({@link #measureLayoutOf}), so the budget covers the layout the
 * updates cause. Before, events were taken in only at the refreshes, ten times a second, each time as many as
 * the layout left room for: fifty clients echoing every 100 ms send about 1,900 events a second, and the view ended
 * the first 30 s of such a load 10,000 to 18,000 events behind.
 *
 * <p>So a flood of events makes the view lag, never freeze, and a view that fell behind catches up at sixty
 * pulses a second. Within a pulse only the newest kernel snapshot is kept: the kernel view is a picture of "now",
 * older pictures of the same pulse would never be seen anyway.
 */
public final class FxEventPump implements AutoCloseable {

    public static final int MAX_EVENTS_PER_PULSE = 10_000;
    /** Events waiting before the status bar says that the view is behind (about a second of a class's load). */
    public static final int NOTICEABLE_LAG = 2_000;
    static final int MIN_EVENTS_PER_PULSE = 20;
    /**
     * Time a pulse may spend taking events in, and on a refresh's pulse the refresh with the layout it causes:
     * well under a 60 Hz frame, the rest is for drawing and input.
     */
    static final long BUDGET_NANOS = 3_000_000;
    /** When pulses come slower than 60 Hz (a busy machine), events may take up to a fifth of the time between them. */
    static final long MAX_BUDGET_NANOS = 12_000_000;
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
    /** How many events a pulse takes in: adapted to the measured cost per event so it stays near the budget. */
    private int limit = 200;
    private long budget = BUDGET_NANOS;
    private long lastPulse;
    private boolean running;
    private boolean started;
    private boolean closed;
    /** Events taken in since the last refresh: the views have not shown them yet. */
    private int unshown;
    /** Start of the last refresh, until the layout after it has been measured; and what it cost. */
    private long refreshStart = -1;
    private long refreshCost;
    private final EventBus.Subscription subscription;
    private final Consumer<List<ServerEvent>> takeIn;
    private final Runnable refresh;
    private final RefreshCadence cadence = new RefreshCadence();
    /** How long taking in the last events took, when the target can tell (its own work only); else timed here. */
    private LongSupplier takeInNanos;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (lastPulse != 0) {
                budget = Math.max(BUDGET_NANOS, Math.min(MAX_BUDGET_NANOS, (now - lastPulse) / 5));
            }
            lastPulse = now;
            boolean due = cadence.due(now);
            // a refresh's pulse leaves room for the refresh: what the last one cost up to the end of its layout
            long room = due ? Math.max(budget / 4, budget - refreshCost) : budget;
            unshown += takeIn(room);
            if (due) {
                refreshStart = System.nanoTime();
                refresh.run();
                cadence.delivered(now, unshown);
                unshown = 0;
            }
            if (inbox.isEmpty() && unshown == 0) {
                sleep();
            }
        }
    };

    /**
     * Subscribes at once; call {@link #start()} on the FX thread to begin delivering. {@code takeIn} gets the
     * events in order, a pulse's worth at a time (never an empty list); {@code refresh} shows what was taken in,
     * and also runs on a pulse asked for without events ({@link #requestPulse}).
     */
    public FxEventPump(EventBus bus, Consumer<List<ServerEvent>> takeIn, Runnable refresh) {
        this.takeIn = takeIn;
        this.refresh = refresh;
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
     * Measures each refresh up to the end of the layout it causes, so a refresh's pulse takes in fewer events
     * by that much. Call on the FX thread.
     */
    public void measureLayoutOf(Scene scene) {
        scene.addPostLayoutPulseListener(this::layoutDone);
    }

    /**
     * Where the pump reads how long taking in the last events took (the ViewModels' own work, without the
     * pump's), to size what a pulse takes by the cost per event. Call on the FX thread.
     */
    public void measureEventsBy(LongSupplier takeInNanos) {
        this.takeInNanos = takeInNanos;
    }

    /** Takes in what has arrived, at most what fits in {@code room} nanoseconds; returns how many events. */
    int takeIn(long room) {
        if (inbox.isEmpty()) {
            return 0;
        }
        // the limit is what fits in the whole budget: a refresh's pulse, with less room, takes its share of it
        int n = Math.max(MIN_EVENTS_PER_PULSE, (int) (limit * Math.min(1.0, room / (double) budget)));
        List<ServerEvent> raw = new ArrayList<>(Math.min(inbox.size(), n));
        inbox.drainTo(raw, n);
        long t0 = System.nanoTime();
        takeIn.accept(coalesceKernelSnapshots(raw));
        long took = takeInNanos != null ? takeInNanos.getAsLong() : System.nanoTime() - t0;
        limit = nextLimit(limit, raw.size(), took, budget);
        return raw.size();
    }

    /** Whether the views are refreshed at the slower, busy cadence right now (see {@link RefreshCadence}). */
    boolean refreshingAtBusyCadence() {
        return cadence.busy();
    }

    private void layoutDone() {
        if (refreshStart >= 0) {
            refreshCost = System.nanoTime() - refreshStart;
            refreshStart = -1;
        }
    }

    /**
     * The events a pulse may take in, from the last pulse's: {@code size} events taken in {@code took}
     * nanoseconds, so what fits in the {@code budget} at that cost per event. Shrinks at once, grows at most
     * twice per pulse (one pulse's cost per event is noisy).
     */
    static int nextLimit(int limit, int size, long took, long budget) {
        if (size <= 0) {
            return limit;
        }
        double perEvent = Math.max(1.0, took / (double) size);
        int fits = (int) Math.min(MAX_EVENTS_PER_PULSE, budget / perEvent);
        int next = fits < limit ? fits : Math.min(fits, 2 * limit);
        return Math.max(MIN_EVENTS_PER_PULSE, next);
    }

    /** How many events a pulse takes in; under a flood the view falls behind (and says so) instead of freezing. */
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
