package org.socketstage.event;

import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.socketstage.log.LazyLogger;

/**
 * Carries events from the engine's threads to any number of listeners, each on its own daemon thread, so a slow
 * listener delays only itself.
 *
 * <p>How: every event goes into one ring of slots in the order of its number ({@code seq}, taken with one atomic
 * increment: publishing takes no lock, so connection threads never queue behind each other); each listener's
 * thread reads the ring in that order at its own pace, so every listener sees every event in {@code seq} order.
 * A listener's thread that finds nothing new dozes a millisecond before it asks to be woken, so while events keep
 * coming publishers never pay for waking it. A listener may ask for some kinds of event only
 * ({@link EventTypes}): it passes over the rest without reading them.
 *
 * <p>What happens to a listener that falls behind is its {@link Delivery}: a view or the terminal
 * ({@link Delivery#MAY_DROP}) skips the events it has fallen more than its capacity behind on, counted; a file
 * that promises every event ({@link Delivery#KEEP_ALL}) makes publishers wait for it, and loses events (counted)
 * only if it takes nothing at all for {@link #STALL_LIMIT}. Every loss is listed by {@link #losses()}.
 */
public final class EventBus {

    private static final System.Logger LOG = LazyLogger.of(EventBus.class);

    /** Creates an event once its sequence number and time are known. */
    @FunctionalInterface
    public interface EventFactory {
        ServerEvent create(long seq, Instant time);
    }

    /** A listener that wants to know when a run of deliveries ends, e.g. to flush its output once per run. */
    public interface BatchListener extends Consumer<ServerEvent> {
        void endOfBatch();
    }

    /** What a listener that cannot keep up gets. */
    public enum Delivery {
        /** Falling more than its capacity behind, the listener skips events, counted. */
        MAY_DROP,
        /** Publishers wait for the listener; nothing is dropped unless it stalls for {@link #STALL_LIMIT}. */
        KEEP_ALL
    }

    /**
     * Slots in the ring by default: the most any listener can fall behind, about 30 ms of the trace mode's
     * busiest echo (260,000 events a second). The ring keeps its newest events alive until they are overwritten,
     * so its size is live heap: 65,536 slots held about 20 MB, and under the 96 MB heap cap G1 then kept the heap
     * at 41 MB and collected 20 times a second (586 pauses in 28 s at 50 clients, against 23-30 with 8,192).
     */
    public static final int RING_SIZE = 1 << 13;
    /** As far behind as the ring lets a listener fall, whatever its size. */
    public static final int DEFAULT_QUEUE_CAPACITY = Integer.MAX_VALUE;
    /** A KEEP_ALL listener that takes nothing for this long no longer holds publishers back. */
    public static final Duration STALL_LIMIT = Duration.ofSeconds(10);
    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long a listener's thread that found nothing waits before it asks to be woken (the most a line is late). */
    private static final long DOZE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int PROGRESS_STRIDE = 64;
    private static final long ROOM_WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    /** A slot being rewritten: readers that see this (or a seq other than theirs) know it is not their event. */
    private static final long WRITING = -1;

    private final int ringSize;
    private final int mask;
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicLongArray slotSeq;
    private final AtomicReferenceArray<ServerEvent> slotEvent;
    /** Each slot's kind of event ({@link EventTypes}), written before its number, read under the same seqlock. */
    private final byte[] slotKind;
    private volatile Subscription[] subscriptions = new Subscription[0];
    private volatile Subscription[] keepAll = new Subscription[0];
    /** The kinds of event some open listener takes ({@link EventTypes} masks, or-ed): see {@link #interest}. */
    private volatile int wantedKinds;
    private final Object membership = new Object();
    /** Closed listeners that lost events or count their own losses (kept for {@link #losses()}). */
    private final List<Subscription> closedWithLoss = new ArrayList<>();

    /** A bus with the default ring ({@link #RING_SIZE} slots). */
    public EventBus() {
        this(RING_SIZE);
    }

    /**
     * A bus whose ring has {@code ringSize} slots (a power of two, at least 2). The ring keeps its newest events
     * until they are overwritten, so its size is both how far a listener may fall behind and how many events the
     * bus holds in memory: a fast engine with nothing else to do wants a big one, a window that keeps its own
     * history a smaller one.
     */
    public EventBus(int ringSize) {
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("the ring's size must be a power of two, at least 2, was " + ringSize);
        }
        this.ringSize = ringSize;
        this.mask = ringSize - 1;
        this.slotSeq = new AtomicLongArray(ringSize);
        this.slotEvent = new AtomicReferenceArray<>(ringSize);
        this.slotKind = new byte[ringSize];
    }

    /**
     * Numbers, timestamps and hands one event to every listener; returns it. Never blocks, except while a
     * {@link Delivery#KEEP_ALL} listener is a whole capacity behind.
     */
    public ServerEvent publish(EventFactory factory) {
        long seq = claimed.incrementAndGet();
        awaitRoom(seq);
        ServerEvent event = factory.create(seq, Instant.now());
        int slot = (int) (seq & mask);
        // seqlock: readers compare the slot's number before and after taking the event. One full fence, the
        // last store's: it also orders the store before the reads of `sleeping` below, so a listener that has
        // just gone to sleep is woken, never missed
        slotSeq.setOpaque(slot, WRITING);
        VarHandle.storeStoreFence();
        slotEvent.setRelease(slot, event);
        slotKind[slot] = (byte) EventTypes.kindOf(event);
        slotSeq.set(slot, seq);
        for (Subscription s : subscriptions) {
            if (s.sleeping) {
                s.wake();
            }
        }
        return event;
    }

    /** Waits while a KEEP_ALL listener has not yet taken the event {@code seq} would overwrite for it. */
    private void awaitRoom(long seq) {
        Subscription[] waitFor = keepAll;
        if (waitFor.length == 0) {
            return;
        }
        Thread me = Thread.currentThread();
        for (Subscription s : waitFor) {
            // a listener that publishes from its own thread must never wait for itself
            while (s.thread != me && !s.stalled && s.open && seq - s.nextSeq > s.capacity) {
                if (System.nanoTime() - s.lastProgress > s.stallNanos) {
                    s.stalled = true;
                    LOG.log(System.Logger.Level.DEBUG, () -> "listener " + s.name + " took no events for "
                            + s.stallNanos / 1_000_000 + " ms: it loses events until it moves again (counted)");
                    break;
                }
                if (s.sleeping) {
                    s.wake();
                }
                LockSupport.parkNanos(this, ROOM_WAIT_NANOS);
                if (Thread.interrupted()) {
                    // the caller's interrupt stays set; the event is not lost, the listener just gets no head start
                    me.interrupt();
                    break;
                }
            }
        }
    }

    /** A listener that may lose events when it falls a whole ring behind. */
    public Subscription subscribe(String name, Consumer<? super ServerEvent> listener) {
        return subscribe(name, listener, DEFAULT_QUEUE_CAPACITY);
    }

    public Subscription subscribe(String name, Consumer<? super ServerEvent> listener, int capacity) {
        return subscribe(name, e -> true, listener, capacity, Delivery.MAY_DROP);
    }

    /**
     * The general form: only events that pass {@code filter} (tested on the listener's thread) reach the listener;
     * {@code capacity} (at most the ring's size less one) is how far behind it may fall.
     */
    public Subscription subscribe(String name, Predicate<? super ServerEvent> filter,
            Consumer<? super ServerEvent> listener, int capacity, Delivery delivery) {
        return subscribe(name, filter, listener, capacity, delivery, STALL_LIMIT);
    }

    /**
     * As above; a {@link Delivery#KEEP_ALL} listener that takes nothing for {@code stallLimit} stops holding
     * publishers back (and loses events, counted) until it moves again.
     */
    public Subscription subscribe(String name, Predicate<? super ServerEvent> filter,
            Consumer<? super ServerEvent> listener, int capacity, Delivery delivery, Duration stallLimit) {
        Subscription s;
        synchronized (membership) {
            // from the next number on: an event numbered before now may still be being written, and is not ours
            s = new Subscription(name, filter, listener, capacity, delivery, claimed.get() + 1, stallLimit.toNanos());
            subscriptions = append(subscriptions, s);
            if (delivery == Delivery.KEEP_ALL) {
                keepAll = append(keepAll, s);
            }
            wantedKinds = kindsOf(subscriptions);
        }
        s.thread.start();
        return s;
    }

    private static Subscription[] append(Subscription[] now, Subscription s) {
        Subscription[] next = java.util.Arrays.copyOf(now, now.length + 1);
        next[now.length] = s;
        return next;
    }

    private static int kindsOf(Subscription[] all) {
        int kinds = 0;
        for (Subscription s : all) {
            kinds |= s.kinds;
        }
        return kinds;
    }

    /**
     * Whether any listener takes events of one kind. A publisher asks before it makes an event nobody would read:
     * the trace mode's printer skips the announcement of every call (CallStarted), so on a busy server half the
     * events of each echo were made, numbered and passed over for nothing. A listener whose filter is not an
     * {@link EventTypes} takes every kind, so with the window, a transcript or a stepping terminal nothing is left
     * out. Subscribe before starting what you wait for: from then on every event of your kinds is published.
     */
    public Interest interest(Class<? extends ServerEvent> type) {
        return new Interest(1 << EventTypes.kindOf(type));
    }

    /** The answer of {@link #interest} for one kind, asked again at each event (listeners come and go). */
    public final class Interest {
        private final int bit;

        private Interest(int bit) {
            this.bit = bit;
        }

        /** True while some open listener takes this kind of event. */
        public boolean any() {
            return (wantedKinds & bit) != 0;
        }
    }

    private static Subscription[] without(Subscription[] now, Subscription s) {
        return java.util.Arrays.stream(now).filter(x -> x != s).toArray(Subscription[]::new);
    }

    /** Waits for an event published from now on that matches; false when none came within the timeout. */
    public boolean awaitEvent(Predicate<ServerEvent> match, Duration timeout) {
        CountDownLatch seen = new CountDownLatch(1);
        try (Subscription s = subscribe("await", match, e -> seen.countDown(), DEFAULT_QUEUE_CAPACITY, Delivery.MAY_DROP)) {
            return seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The number of the newest event published (or being published this instant). */
    public long lastSeq() {
        return claimed.get();
    }

    /**
     * Events each listener lost, by listener name, for listeners that lost any (open or closed): what the
     * trace mode prints on standard error at the end and the transcript writes in its last record.
     */
    public Map<String, Long> losses() {
        Map<String, Long> out = new TreeMap<>();
        List<Subscription> all;
        synchronized (membership) {
            all = new ArrayList<>(closedWithLoss);
            all.addAll(List.of(subscriptions));
        }
        for (Subscription s : all) {
            long n = s.dropped();
            if (n > 0) {
                out.merge(s.name, n, Long::sum);
            }
        }
        return out;
    }

    /** One listener with its own position in the ring and its own delivery thread. Close it to unsubscribe. */
    public final class Subscription implements AutoCloseable {
        private final String name;
        private final Predicate<? super ServerEvent> filter;
        /** The kinds of event the filter lets through, known without reading the event ({@link EventTypes}). */
        private final int kinds;
        private final Consumer<? super ServerEvent> listener;
        private final int capacity;
        private final Delivery delivery;
        private final Thread thread;
        /** The number of the next event this listener takes; everything before it is handled or skipped. */
        private volatile long nextSeq;
        /** Past this number (set by close()), the listener takes nothing more. */
        private volatile long lastWanted = Long.MAX_VALUE;
        private volatile boolean open = true;
        private volatile boolean sleeping;
        private volatile boolean stalled;
        private volatile boolean abandoned;
        private volatile boolean finished;
        private volatile long lastProgress = System.nanoTime();
        private final long stallNanos;
        /** Every how many events the listener tells publishers how far it got (and at the end of each run). */
        private final int progressStride;
        private final AtomicLong skipped = new AtomicLong();
        private volatile LongSupplier alsoLost;

        private Subscription(String name, Predicate<? super ServerEvent> filter, Consumer<? super ServerEvent> listener,
                int capacity, Delivery delivery, long first, long stallNanos) {
            if (capacity < 1) {
                throw new IllegalArgumentException("a listener may fall at least one event behind, was " + capacity);
            }
            this.name = name;
            this.filter = filter;
            this.kinds = filter instanceof EventTypes t ? t.mask() : EventTypes.ALL;
            this.listener = listener;
            this.capacity = Math.min(capacity, ringSize - 1);
            this.delivery = delivery;
            this.nextSeq = first;
            this.stallNanos = stallNanos;
            this.progressStride = Math.max(1, Math.min(PROGRESS_STRIDE, this.capacity / 4));
            this.thread = new Thread(this::deliver, "socketstage-events-" + name);
            this.thread.setDaemon(true);
        }

        public String name() {
            return name;
        }

        private void wake() {
            sleeping = false;
            LockSupport.unpark(thread);
        }

        private void deliver() {
            boolean dozed = false;
            while (true) {
                boolean any = deliverAvailable();
                if (abandoned || nextSeq > lastWanted) {
                    break;
                }
                if (any) {
                    dozed = false;
                    continue;
                }
                if (!dozed || !open) {
                    // a short doze nobody wakes: while events keep coming, publishers never pay for a wake-up
                    // (and once closed nobody wakes it at all, while the last events are still being written)
                    LockSupport.parkNanos(this, DOZE_NANOS);
                    dozed = true;
                    continue;
                }
                sleeping = true;
                if (published(nextSeq) || !open) {
                    sleeping = false;
                    continue;
                }
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                sleeping = false;
                dozed = false;
            }
            finished = true;
        }

        private boolean published(long seq) {
            return slotSeq.get((int) (seq & mask)) == seq;
        }

        private void progress(long next) {
            nextSeq = next;
            lastProgress = System.nanoTime();
            if (stalled) {
                stalled = false; // moving again: publishers wait for it again
            }
        }

        /** Delivers every event published so far in one run; true if there was any. */
        private boolean deliverAvailable() {
            long next = nextSeq;
            long start = next;
            // publishers number events in one shared counter: read it again only when the events known of run out
            long newest = claimed.get();
            int sinceProgress = 0;
            while (next <= lastWanted && !abandoned) {
                if (next > newest) {
                    newest = claimed.get();
                    if (next > newest) {
                        break;
                    }
                }
                if (delivery == Delivery.MAY_DROP && newest - next >= capacity) {
                    // fallen too far behind: skip to where this listener may still be, and count the gap
                    long resume = newest - capacity + 1;
                    skipped.addAndGet(resume - next);
                    next = resume;
                    progress(next); // at once: dropped() counts from here what is still behind
                }
                int slot = (int) (next & mask);
                long before = slotSeq.get(slot);
                if (before != next) {
                    if (before == WRITING) {
                        newest = claimed.get();
                    }
                    // a slot being written holds this listener's event or, if publishers went a whole ring past it,
                    // a later one; a keep-all listener that has not stalled holds publishers back, so for it the
                    // slot can only be its own event, not yet there (guessing otherwise lost events at random)
                    boolean mayBeLapped = delivery == Delivery.MAY_DROP || stalled;
                    if (before > next || (before == WRITING && mayBeLapped && newest - next >= ringSize)) {
                        // overwritten under a listener that had stalled: those events are gone for it
                        long resume = Math.max(next + 1, newest - ringSize + 2);
                        skipped.addAndGet(resume - next);
                        next = resume;
                        progress(next);
                        continue;
                    }
                    break; // not published yet
                }
                boolean wanted = true;
                ServerEvent event = null;
                if (kinds != EventTypes.ALL) {
                    wanted = (kinds & (1 << slotKind[slot])) != 0;
                    VarHandle.loadLoadFence();
                }
                if (wanted) {
                    event = slotEvent.get(slot);
                }
                if (slotSeq.get(slot) != next) {
                    continue; // rewritten while being read: look again
                }
                next++;
                if (wanted && filter.test(event)) {
                    try {
                        listener.accept(event);
                    } catch (RuntimeException ex) {
                        // a failing listener must not stop later deliveries, and must never reach the server
                        LOG.log(System.Logger.Level.WARNING, "listener " + thread.getName() + " failed", ex);
                    }
                }
                if (++sinceProgress >= progressStride) {
                    // said now and then, not per event: publishers read these fields, and a line of memory
                    // written per event would move between the cores with every event
                    sinceProgress = 0;
                    progress(next);
                }
            }
            if (next == start) {
                return false;
            }
            progress(next);
            if (listener instanceof BatchListener b) {
                try {
                    b.endOfBatch();
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "listener " + thread.getName() + " failed", ex);
                }
            }
            return true;
        }

        /**
         * Counts, besides the events the bus skipped for this listener, the ones it received but could not use
         * (e.g. a view's own inbox overflowing, or a terminal that stopped taking lines), so
         * {@link EventBus#losses()} reports them too.
         */
        public void alsoCountLost(LongSupplier lostDownstream) {
            alsoLost = lostDownstream;
        }

        /** Events this listener missed (it fell too far behind, or could not use them). */
        public long dropped() {
            long behind = 0;
            if (open && delivery == Delivery.MAY_DROP) {
                // a listener stuck right now will skip these when it wakes: count them already
                behind = Math.max(0, claimed.get() - nextSeq + 1 - capacity);
            }
            LongSupplier own = alsoLost;
            return skipped.get() + behind + (own == null ? 0 : own.getAsLong());
        }

        /** Events published for this listener and not yet handled (or skipped). */
        public long backlog() {
            return Math.max(0, Math.min(claimed.get(), lastWanted) - nextSeq + 1);
        }

        /** Waits until the listener has handled every event published so far, up to the timeout. */
        public boolean drain(long timeoutMillis) throws InterruptedException {
            long target = claimed.get();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (nextSeq <= target && !finished) {
                if (System.nanoTime() > end) {
                    return false;
                }
                Thread.sleep(2);
            }
            return true;
        }

        /**
         * Stops taking events published from now on, and waits until the listener has handled the ones before
         * and finished its work, for as long as it makes progress: at most {@code quiet} without progress, and
         * never longer than {@code quiet} plus 50 µs per event still to handle at the start (so the wait grows
         * with what is queued, never without bound). If it has not finished by then, the events it never got
         * are counted as lost, it gets no more, and false is returned (what it received but could not output,
         * it counts itself: see {@link #alsoCountLost}).
         */
        public boolean closeAndDrain(Duration quiet) {
            long target = cut();
            LockSupport.unpark(thread);
            long start = System.nanoTime();
            long limit = quiet.toNanos() + TimeUnit.MICROSECONDS.toNanos(50) * Math.max(0, target - nextSeq + 1);
            long seen = nextSeq;
            long lastMove = start;
            // finished, not only handled: the listener's end-of-batch work (writing a file) comes after the events
            while (!finished) {
                long now = System.nanoTime();
                if (nextSeq != seen) {
                    seen = nextSeq;
                    lastMove = now;
                }
                if (now - lastMove > quiet.toNanos() || now - start > limit) {
                    break;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            if (finished) {
                return true;
            }
            // a listener stuck in its output (a pipe nobody reads) keeps what it holds; it gets no more
            abandoned = true;
            skipped.addAndGet(Math.max(0, target - nextSeq + 1));
            return false;
        }

        /** True once the delivery thread has handled everything up to close() and ended. */
        public boolean finished() {
            return finished;
        }

        /** Stops delivery after the events already published. */
        @Override
        public void close() {
            cut();
            LockSupport.unpark(thread);
        }

        /** Takes nothing published after this moment; returns the last event number it still takes. */
        private long cut() {
            synchronized (membership) {
                if (open) {
                    open = false;
                    lastWanted = claimed.get();
                    subscriptions = without(subscriptions, this);
                    keepAll = without(keepAll, this);
                    wantedKinds = kindsOf(subscriptions);
                    closedWithLoss.add(this);
                    // a listener that lost nothing and counts nothing itself can be forgotten
                    closedWithLoss.removeIf(s -> s != this && s.finished && s.alsoLost == null && s.skipped.get() == 0);
                }
                return lastWanted;
            }
        }
    }
}
