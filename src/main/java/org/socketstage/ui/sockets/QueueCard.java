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
 * @param stuckClients      this server's clients (rows whose remote port is the server's) in SYN_SENT: their
 *                          SYNs go unanswered while the queue is full
 * @param halfOpen          server-side rows in SYN_RECV (handshake not finished)
 * @param namespaceOverflowsRise how much TcpExt ListenOverflows rose since this run's first snapshot. The
 *                          counter belongs to the whole network namespace: every listening socket in it adds
 *                          to it, and so does a final ACK dropped because a queue was full. It is context, never
 *                          this server's own count.
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
        long namespaceOverflowsRise) {

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
     * This server's queue overflows: it is full, or its clients are left in SYN_SENT. ListenOverflows alone
     * never decides it, since other listening sockets in the namespace move that counter too.
     */
    public boolean overflowing() {
        return full();
    }
}
