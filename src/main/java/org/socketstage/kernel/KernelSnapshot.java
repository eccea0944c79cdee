package org.socketstage.kernel;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the kernel says about one port at one moment. When the platform has no such tables
 * {@code available} is false and {@code unavailableReason} says why; the other fields are then empty.
 *
 * @param rows            every TCP socket whose local or remote port is the watched port
 * @param acceptQueue     connections completed and waiting for accept() (the LISTEN row's rx_queue)
 * @param somaxconn       /proc/sys/net/core/somaxconn
 * @param effectiveLimit  min(listen backlog, somaxconn), when the backlog is known
 * @param listenOverflows TcpExt ListenOverflows from /proc/net/netstat (system wide)
 */
public record KernelSnapshot(
        int port,
        boolean available,
        String unavailableReason,
        List<TcpSocketRow> rows,
        OptionalInt acceptQueue,
        OptionalInt somaxconn,
        OptionalInt effectiveLimit,
        OptionalLong listenOverflows) {

    public KernelSnapshot {
        rows = List.copyOf(rows);
    }

    public static KernelSnapshot unavailable(int port, String reason) {
        return new KernelSnapshot(port, false, reason, List.of(), OptionalInt.empty(), OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty());
    }

    public Optional<TcpSocketRow> listenRow() {
        return rows.stream().filter(r -> r.state() == TcpState.LISTEN).findFirst();
    }

    public List<TcpSocketRow> rowsIn(TcpState state) {
        return rows.stream().filter(r -> r.state() == state).toList();
    }
}
