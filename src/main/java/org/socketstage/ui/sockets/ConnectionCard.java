package org.socketstage.ui.sockets;

/**
 * One accepted connection, drawn as its own socket.
 *
 * @param id          stable identity across fd reuse: the seq of the event that made it known
 * @param kernelState the TCP state the kernel shows for the server's side, empty when unknown
 * @param problem     the errno of a failed call on it, empty when none ({@code ECONNRESET (simulated)})
 */
public record ConnectionCard(
        long id, int fd, String peer, long bytesIn, long bytesOut, ConnectionState state, String kernelState,
        String problem) {}
