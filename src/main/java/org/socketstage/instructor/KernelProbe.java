package org.socketstage.instructor;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.KernelTcpTable;
import org.socketstage.kernel.TcpState;

/**
 * Asks the kernel's TCP table directly. The server's own kernel view stops with the server, and some
 * demonstrations must look after it has stopped (TIME_WAIT) or before it listens.
 */
final class KernelProbe {

    private static final long LOOK_EVERY_MILLIS = 50;

    private final KernelTcpTable table;

    KernelProbe(KernelTcpTable table) {
        this.table = table;
    }

    static KernelProbe system() {
        return new KernelProbe(KernelTcpTable.system());
    }

    boolean available() {
        return table.isAvailable();
    }

    KernelSnapshot now(int port, OptionalInt backlog) {
        return table.snapshot(port, backlog);
    }

    OptionalLong listenOverflows() {
        return table.listenOverflows();
    }

    /** Looks every 50 ms until the snapshot matches; the last snapshot seen either way, empty without /proc. */
    Optional<KernelSnapshot> awaitMatch(int port, OptionalInt backlog, Predicate<KernelSnapshot> match,
            Duration timeout) throws InterruptedException {
        if (!available()) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        KernelSnapshot s = now(port, backlog);
        while (!match.test(s) && System.nanoTime() < deadline) {
            Thread.sleep(LOOK_EVERY_MILLIS);
            s = now(port, backlog);
        }
        return Optional.of(s);
    }

    /** Rows whose local port is {@code port} in this state: the server's side of its connections. */
    static long serverSide(KernelSnapshot s, int port, TcpState state) {
        return s.rows().stream().filter(r -> r.localPort() == port && r.state() == state).count();
    }

    /** Rows of clients connecting to {@code port} in this state. */
    static long clientSide(KernelSnapshot s, int port, TcpState state) {
        return s.rows().stream().filter(r -> r.remotePort() == port && r.state() == state).count();
    }
}
