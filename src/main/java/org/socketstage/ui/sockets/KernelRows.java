package org.socketstage.ui.sockets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;
import org.socketstage.socket.SockAddrIn;

/** Reads the kernel's rows for the server's port: which row is which connection, and the accept queue. */
final class KernelRows {

    private KernelRows() {}

    /** The server's side of the connection with this peer, if the kernel still has it. */
    static Optional<TcpSocketRow> serverRowFor(KernelSnapshot snapshot, SockAddrIn peer) {
        return snapshot.rows().stream()
                .filter(r -> r.localPort() == snapshot.port() && r.state() != TcpState.LISTEN)
                .filter(r -> r.remotePort() == peer.port() && sameHost(r.remoteHost(), peer))
                .findFirst();
    }

    static boolean sameHost(String kernelHost, SockAddrIn peer) {
        // tcp6 rows of dual-stack sockets show IPv4 peers as ::ffff:a.b.c.d
        return kernelHost.equals(peer.host()) || kernelHost.endsWith(":" + peer.host());
    }

    /**
     * The queue as the kernel counts it. Server-side ESTABLISHED rows not yet accepted name the waiting
     * clients; client-side SYN_SENT rows are clients the full queue left outside.
     *
     * @param overflowBaseline ListenOverflows at the run's first snapshot, or -1
     * @param accepted         true for rows of connections accept() already returned
     */
    static QueueCard queueCard(KernelSnapshot snapshot, int backlog, long overflowBaseline,
            Predicate<TcpSocketRow> accepted) {
        if (snapshot == null) {
            return QueueCard.unknown(backlog);
        }
        if (!snapshot.available()) {
            return new QueueCard(false, snapshot.unavailableReason(), -1, -1, backlog, List.of(), List.of(), 0, 0);
        }
        List<String> waitingPeers = new ArrayList<>();
        List<String> stuck = new ArrayList<>();
        int halfOpen = 0;
        for (TcpSocketRow r : snapshot.rows()) {
            boolean serverSide = r.localPort() == snapshot.port();
            if (serverSide && r.state() == TcpState.SYN_RECV) {
                halfOpen++;
            } else if (serverSide && r.state() == TcpState.ESTABLISHED && !accepted.test(r)) {
                waitingPeers.add(r.remote());
            } else if (!serverSide && r.remotePort() == snapshot.port() && r.state() == TcpState.SYN_SENT) {
                stuck.add(r.local());
            }
        }
        long overflows = overflowBaseline < 0 || snapshot.listenOverflows().isEmpty()
                ? 0 : Math.max(0, snapshot.listenOverflows().getAsLong() - overflowBaseline);
        return new QueueCard(true, "", snapshot.acceptQueue().orElse(-1), snapshot.effectiveLimit().orElse(-1),
                backlog, waitingPeers, stuck, halfOpen, overflows);
    }
}
