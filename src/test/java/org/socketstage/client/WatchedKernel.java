package org.socketstage.client;

import java.util.function.Consumer;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.KernelTcpTable;
import org.socketstage.kernel.KernelWatcher;
import org.socketstage.server.KernelView;

/** The real kernel table, watched the way the app watches it, for servers started by the client tests. */
public final class WatchedKernel implements KernelView {

    private KernelWatcher watcher;

    @Override
    public synchronized void start(int port, int backlog, Consumer<KernelSnapshot> onChange) {
        watcher = new KernelWatcher(KernelTcpTable.system(), port, onChange);
        watcher.setBacklog(backlog);
        watcher.start();
    }

    @Override
    public synchronized void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
