package org.socketstage.event;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Carries events from the engine's threads to any number of listeners. Publishing never blocks: each
 * subscriber has its own bounded queue drained by its own daemon thread, so a slow listener delays only
 * itself. If a listener falls so far behind that its queue is full, later events are dropped for that
 * listener alone and counted ({@link Subscription#dropped()}).
 */
public final class EventBus {

    private static final System.Logger LOG = System.getLogger(EventBus.class.getName());

    /** Creates an event once its sequence number and time are known. */
    @FunctionalInterface
    public interface EventFactory {
        ServerEvent create(long seq, Instant time);
    }

    public static final int DEFAULT_QUEUE_CAPACITY = 200_000;

    private final AtomicLong seq = new AtomicLong();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Object publishLock = new Object();

    /** Numbers, timestamps and delivers one event; returns it. */
    public ServerEvent publish(EventFactory factory) {
        synchronized (publishLock) {
            ServerEvent event = factory.create(seq.incrementAndGet(), Instant.now());
            for (Subscription s : subscriptions) {
                s.offer(event);
            }
            return event;
        }
    }

    public Subscription subscribe(String name, Consumer<? super ServerEvent> listener) {
        return subscribe(name, listener, DEFAULT_QUEUE_CAPACITY);
    }

    public Subscription subscribe(String name, Consumer<? super ServerEvent> listener, int capacity) {
        Subscription s = new Subscription(name, listener, capacity);
        subscriptions.add(s);
        s.thread.start();
        return s;
    }

    /** Waits for an event published from now on that matches; false when none came within the timeout. */
    public boolean awaitEvent(java.util.function.Predicate<ServerEvent> match, java.time.Duration timeout) {
        java.util.concurrent.CountDownLatch seen = new java.util.concurrent.CountDownLatch(1);
        try (Subscription s = subscribe("await", e -> {
            if (match.test(e)) {
                seen.countDown();
            }
        })) {
            return seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public long lastSeq() {
        return seq.get();
    }

    /** One listener with its own queue and delivery thread. Close it to unsubscribe. */
    public final class Subscription implements AutoCloseable {
        private final BlockingQueue<ServerEvent> queue;
        private final Consumer<? super ServerEvent> listener;
        private final Thread thread;
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong queued = new AtomicLong();
        private final AtomicLong handled = new AtomicLong();
        private volatile boolean open = true;

        private Subscription(String name, Consumer<? super ServerEvent> listener, int capacity) {
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.listener = listener;
            this.thread = new Thread(this::deliver, "socketstage-events-" + name);
            this.thread.setDaemon(true);
        }

        private void offer(ServerEvent e) {
            if (!open) {
                return;
            }
            if (queue.offer(e)) {
                queued.incrementAndGet();
            } else {
                dropped.incrementAndGet();
            }
        }

        private void deliver() {
            while (open || !queue.isEmpty()) {
                try {
                    ServerEvent e = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (e != null) {
                        try {
                            listener.accept(e);
                        } finally {
                            handled.incrementAndGet();
                        }
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException ex) {
                    // a failing listener must not stop later deliveries, and must never reach the server
                    LOG.log(System.Logger.Level.WARNING, "listener " + thread.getName() + " failed", ex);
                }
            }
        }

        /** Events this listener missed because its queue was full. */
        public long dropped() {
            return dropped.get();
        }

        /** Waits until the listener has handled every event published so far, up to the timeout. */
        public boolean drain(long timeoutMillis) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (handled.get() < queued.get()) {
                if (System.nanoTime() > end) {
                    return false;
                }
                Thread.sleep(2);
            }
            return true;
        }

        /** Stops delivery after the events already queued. */
        @Override
        public void close() {
            open = false;
            subscriptions.remove(this);
        }
    }
}
