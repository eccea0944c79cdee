package org.socketstage.server;

import java.time.Duration;
import java.util.function.Consumer;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.KernelTcpTable;
import org.socketstage.kernel.KernelWatcher;

/**
 * The kernel view of Linux (sock_diag, or /proc where netlink is not allowed; see {@link KernelTcpTable});
 * elsewhere it reports once that it is not available.
 */
public final class LinuxKernelView implements KernelView {

    private final KernelTcpTable table;
    private final Duration interval;
    private static final Duration NUDGE_GAP = Duration.ofMillis(250);
    /** A nudge comes as a call starts or ends; the kernel's table shows it a moment later (a SYN sent, a FIN). */
    private static final Duration NUDGE_DELAY = Duration.ofMillis(30);
    /**
     * The regular look of the window and of a traced program's view when nothing is said to have changed: the
     * nudges (accept() and close() returning) show the changes at once.
     */
    public static final Duration WINDOW_INTERVAL = Duration.ofSeconds(1);
    private KernelWatcher watcher;
    private long nextNudgedRead = System.nanoTime() - NUDGE_GAP.toNanos();

    public LinuxKernelView() {
        this(KernelTcpTable.system());
    }

    public LinuxKernelView(KernelTcpTable table) {
        this(table, KernelWatcher.DEFAULT_INTERVAL);
    }

    /**
     * Reads the table every {@code interval}, and at once when the server says something changed
     * ({@link #nudge()}): a slow interval costs little when nothing happens (a whole read makes the kernel walk
     * its table of connections, however few sockets are ours; see {@link KernelWatcher}).
     */
    public LinuxKernelView(Duration interval) {
        this(KernelTcpTable.system(), interval);
    }

    public LinuxKernelView(KernelTcpTable table, Duration interval) {
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
     * Looks again in a moment, but at most every {@link #NUDGE_GAP}: a burst of connections (a class arriving, a
     * client connecting and closing in a loop) costs a few reads. A nudge inside the gap is not lost: it asks
     * for the read at the gap's end, so the last change of a burst is shown too.
     */
    @Override
    public synchronized void nudge() {
        if (watcher == null) {
            return;
        }
        long now = System.nanoTime();
        long wanted = now + NUDGE_DELAY.toNanos();
        if (wanted - nextNudgedRead < NUDGE_GAP.toNanos()) {
            if (nextNudgedRead - now >= NUDGE_DELAY.toNanos()) {
                return; // a read is already asked for, late enough to see this nudge's change too
            }
            wanted = nextNudgedRead + NUDGE_GAP.toNanos();
        }
        nextNudgedRead = wanted;
        watcher.pollBy(wanted);
    }

    @Override
    public synchronized void stop() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }
}
