package org.socketstage.kernel;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.socketstage.log.LazyLogger;

/**
 * Polls the kernel's TCP table for one port on its own daemon thread and reports each snapshot that differs
 * from the one before. Polling is the only way: the kernel offers no change notification for these tables.
 * The listener runs on the watcher's thread and must hand work elsewhere if it is slow.
 *
 * <p>A whole read makes the kernel walk its table of connections, however few are ours (about 5 ms through
 * sock_diag here, 10 ms through /proc). So while the port shows nothing but a listener with an empty queue,
 * a regular look asks for the listeners alone (about 0.06 ms) and reads the whole table only if they changed,
 * when a read was asked for ({@link #pollNow()}, {@link #pollBy(long)}: the server's accept() and close()
 * do), or when the last whole read is {@link #QUIET_READ} old. Every reported snapshot is a whole read.
 *
 * <p>Lifecycle: construct, {@link #start()}, {@link #close()}. The first snapshot is always reported.
 */
public final class KernelWatcher implements AutoCloseable {

    public static final String THREAD_NAME = "socketstage-kernel-watch";
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);
    private static final Duration SHORTEST_INTERVAL = Duration.ofMillis(10);
    /**
     * While quiet, how old the last whole read may get: what a look at the listeners cannot see (a half-open
     * SYN_RECV, the system-wide overflow counter moving) shows at the latest after this long.
     */
    public static final Duration QUIET_READ = Duration.ofSeconds(10);
    private static final System.Logger LOG = LazyLogger.of(KernelWatcher.class);

    private final KernelTcpTable table;
    private final int port;
    private final Consumer<KernelSnapshot> listener;
    private final Object wake = new Object();
    private final Thread thread;

    private volatile OptionalInt backlog = OptionalInt.empty();
    private volatile Duration interval = DEFAULT_INTERVAL;
    private volatile KernelSnapshot current;
    private volatile boolean running;
    private volatile boolean closed;
    /** System.nanoTime() by which the next poll is wanted, earlier than the interval's end; MAX_VALUE if none. */
    private long pollBy = Long.MAX_VALUE;
    /** Watcher thread only: when the last whole read ended, and how many there were (for tests). */
    private long lastWholeRead;
    private volatile long wholeReads;

    public KernelWatcher(KernelTcpTable table, int port, Consumer<KernelSnapshot> listener) {
        KernelTcpTable.checkPort(port);
        this.table = Objects.requireNonNull(table, "table");
        this.port = port;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.thread = new Thread(this::run, THREAD_NAME);
        this.thread.setDaemon(true);
    }

    public synchronized KernelWatcher start() {
        if (closed || thread.getState() != Thread.State.NEW) {
            throw new IllegalStateException("a KernelWatcher starts once; create a new one to watch again");
        }
        running = true;
        thread.start();
        return this;
    }

    public int port() {
        return port;
    }

    /** The backlog passed to listen(); known only after listen(), so it can be set while watching. */
    public void setBacklog(int backlog) {
        this.backlog = OptionalInt.of(backlog);
        pollNow();
    }

    public void setInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
            throw new IllegalArgumentException("interval must be at least " + SHORTEST_INTERVAL.toMillis()
                    + " ms (reading /proc more often only burns CPU), was " + interval.toMillis() + " ms");
        }
        this.interval = interval;
        pollNow();
    }

    public Duration interval() {
        return interval;
    }

    /** The latest snapshot, or null before the first poll has finished. */
    public KernelSnapshot current() {
        return current;
    }

    /** Asks the thread to poll at once instead of at the end of the current interval. */
    public void pollNow() {
        pollBy(System.nanoTime());
    }

    /**
     * Asks for a poll no later than {@code nanoTime} (a System.nanoTime() value), or at the interval's end if
     * that comes first. An earlier request stands: asking later never postpones a poll.
     */
    public void pollBy(long nanoTime) {
        synchronized (wake) {
            if (nanoTime - pollBy < 0 || pollBy == Long.MAX_VALUE) {
                pollBy = nanoTime;
            }
            wake.notifyAll();
        }
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Stops the thread and waits for it (unless called from the listener itself, which cannot wait for itself). */
    @Override
    public void close() {
        closed = true;
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        if (Thread.currentThread() == thread || thread.getState() == Thread.State.NEW) {
            return;
        }
        try {
            thread.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many whole reads the watcher has made (the cheap looks at the listeners alone not counted). */
    long wholeReads() {
        return wholeReads;
    }

    private void run() {
        while (running) {
            boolean asked = false;
            synchronized (wake) {
                // this poll answers every request already due; one for later, or made while it reads, stands
                if (pollBy != Long.MAX_VALUE && pollBy - System.nanoTime() <= 0) {
                    pollBy = Long.MAX_VALUE;
                    asked = true;
                }
            }
            if (asked || !unchangedWhileQuiet()) {
                poll();
            }
            waitForNextPoll();
        }
    }

    /**
     * True when the last whole read showed only listeners with empty queues, is younger than {@link #QUIET_READ},
     * and the listeners alone, asked for cheaply, are still exactly those rows.
     */
    private boolean unchangedWhileQuiet() {
        KernelSnapshot last = current;
        if (last == null || !last.available() || System.nanoTime() - lastWholeRead >= QUIET_READ.toNanos()
                || !last.rows().stream().allMatch(r -> r.state() == TcpState.LISTEN && r.rxQueue() == 0)) {
            return false;
        }
        try {
            return table.listeners(port).map(last.rows()::equals).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void poll() {
        KernelSnapshot next;
        try {
            next = table.snapshot(port, backlog);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reading the kernel's TCP table failed", e);
            return;
        } finally {
            lastWholeRead = System.nanoTime();
            wholeReads++;
        }
        if (next.equals(current)) {
            return;
        }
        current = next;
        try {
            listener.accept(next);
        } catch (RuntimeException e) {
            // A failing listener must not stop the watch: the next change may still be shown.
            LOG.log(System.Logger.Level.WARNING, "kernel view listener failed", e);
        }
    }

    private void waitForNextPoll() {
        long intervalEnd = System.nanoTime() + interval.toNanos();
        synchronized (wake) {
            while (running) {
                long deadline = pollBy != Long.MAX_VALUE && pollBy - intervalEnd < 0 ? pollBy : intervalEnd;
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    wake.wait(Math.max(1, (left + 999_999) / 1_000_000));
                } catch (InterruptedException e) {
                    running = false;
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
