package org.socketstage.ui.sockets;

import java.util.List;

/**
 * The accept queue as the kernel reports it.
 *
 * @param kernelAvailable   false where the platform has no kernel tables; {@code unavailableReason} says why
 * @param waiting           the kernel's own count of completed connections waiting for accept(), -1 if unknown
 * @param effectiveLimit    min(backlog, somaxconn), -1 if unknown
 * @param backlog           the backlog passed to listen(), -1 before listen()
 * @param waitingPeers      the clients in the queue, as far as the kernel's rows name them
 * @param stuckClients      clients left in SYN_SENT because the queue was full
 * @param halfOpen          server-side rows in SYN_RECV (handshake not finished)
 * @param overflowsThisRun  how much TcpExt ListenOverflows rose since this run's first snapshot (system wide)
 */
public record QueueCard(
        boolean kernelAvailable,
        String unavailableReason,
        int waiting,
        int effectiveLimit,
        int backlog,
        List<String> waitingPeers,
        List<String> stuckClients,
        int halfOpen,
        long overflowsThisRun) {

    public QueueCard {
        waitingPeers = List.copyOf(waitingPeers);
        stuckClients = List.copyOf(stuckClients);
    }

    public static QueueCard unknown(int backlog) {
        return new QueueCard(false, "", -1, -1, backlog, List.of(), List.of(), 0, 0);
    }

    /** Slots to draw: Linux keeps up to limit + 1 connections in the queue. */
    public int slots() {
        int limit = effectiveLimit >= 0 ? effectiveLimit : backlog;
        return limit < 0 ? 0 : limit + 1;
    }

    /** The queue is at its limit (or past it), or clients are left waiting for their handshake. */
    public boolean full() {
        return !stuckClients.isEmpty() || (slots() > 0 && waiting >= slots());
    }

    /**
     * ListenOverflows is counted for the whole system, so its rise alone may come from other programs; it is
     * only shown as this server's overflow while this queue is full.
     */
    public boolean overflowing() {
        return full();
    }
}
