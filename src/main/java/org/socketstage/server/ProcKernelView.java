package org.socketstage.server;

import java.util.function.Consumer;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.KernelTcpTable;
import org.socketstage.kernel.KernelWatcher;

/** The kernel view from Linux's /proc; elsewhere it reports once that it is not available. */
public final class ProcKernelView implements KernelView {

    private final KernelTcpTable table;
    private KernelWatcher watcher;

    public ProcKernelView() {
        this(KernelTcpTable.system());
    }

    public ProcKernelView(KernelTcpTable table) {
        this.table = table;
    }

    @Override
    public synchronized void start(int port, int backlog, Consumer<KernelSnapshot> onChange) {
        stop();
        watcher = new KernelWatcher(table, port, onChange);
        if (backlog > 0) {
            watcher.setBacklog(backlog);
        }
        watcher.start();
    }

    @Override
    public synchronized void stop() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}
