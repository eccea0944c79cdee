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
    private KernelWatcher watcher;

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

    @Override
    public synchronized void nudge() {
        if (watcher != null) {
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
