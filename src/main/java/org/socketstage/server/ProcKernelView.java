package org.socketstage.server;

import java.time.Duration;
import java.util.function.Consumer;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.KernelTcpTable;
import org.socketstage.kernel.KernelWatcher;

/** The kernel view from Linux's /proc; elsewhere it reports once that it is not available. */
public final class ProcKernelView implements KernelView {

    private final KernelTcpTable table;
    private final Duration interval;
    private static final Duration NUDGE_GAP = Duration.ofMillis(250);
    private KernelWatcher watcher;
    private long lastNudge = System.nanoTime() - NUDGE_GAP.toNanos();

    public ProcKernelView() {
        this(KernelTcpTable.system());
    }

    public ProcKernelView(KernelTcpTable table) {
        this(table, KernelWatcher.DEFAULT_INTERVAL);
    }

    /**
     * Reads the table every {@code interval}, and at once when the server says something changed
     * ({@link #nudge()}): a slow interval costs little when nothing happens (the kernel walks its whole
     * table for every read, however few sockets are ours).
     */
    public ProcKernelView(Duration interval) {
        this(KernelTcpTable.system(), interval);
    }

    public ProcKernelView(KernelTcpTable table, Duration interval) {
        this.table = table;
        this.interval = interval;
    }

    @Override
    public synchronized void start(int port, int backlog, Consumer<KernelSnapshot> onChange) {
        stop();
        watcher = new KernelWatcher(table, port, onChange);
        watcher.setInterval(interval);
        if (backlog > 0) {
            watcher.setBacklog(backlog);
        }
        watcher.start();
    }

    /**
     * Looks again at once, but at most every {@link #NUDGE_GAP}: a burst of connections (a class arriving, a
     * client connecting and closing in a loop) costs a few reads, and the regular interval shows the rest.
     */
    @Override
    public synchronized void nudge() {
        long now = System.nanoTime();
        if (watcher != null && now - lastNudge >= NUDGE_GAP.toNanos()) {
            lastNudge = now;
            watcher.pollNow();
        }
    }

    @Override
    public synchronized void stop() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}
