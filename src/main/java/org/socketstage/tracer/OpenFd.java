package org.socketstage.tracer;

import org.socketstage.socket.SockAddrIn;

/**
 * What the tracer knows about one open descriptor of a traced process. Only TCP/IP sockets (AF_INET,
 * AF_INET6) are shown; other sockets (netlink, unix) and files are remembered so that reads and writes on
 * them can be let through without asking /proc again.
 *
 * @param peer     the other end of a connection as IPv4, when known
 * @param peerText the other end as text (also for IPv6), or null
 */
record OpenFd(Role role, SockAddrIn peer, String peerText) {

    enum Role {
        /** A file, pipe or terminal: reads and writes on it are not shown. */
        NOT_SOCKET,
        /** A socket of another family (unix, netlink): not shown. */
        HIDDEN_SOCKET,
        /** A TCP/IP socket from socket(): not yet listening or connected. */
        SOCKET,
        LISTENING,
        /** A connection accept() returned. */
        ACCEPTED,
        /** A connection the program made itself with connect(). */
        CONNECTED
    }

    static final OpenFd NOT_SOCKET = new OpenFd(Role.NOT_SOCKET, null, null);
    static final OpenFd HIDDEN = new OpenFd(Role.HIDDEN_SOCKET, null, null);
    static final OpenFd NEW_SOCKET = new OpenFd(Role.SOCKET, null, null);
    static final OpenFd LISTENER = new OpenFd(Role.LISTENING, null, null);

    static OpenFd accepted(SockAddrIn peer, String peerText) {
        return new OpenFd(Role.ACCEPTED, peer, peerText);
    }

    static OpenFd connected(SockAddrIn peer, String peerText) {
        return new OpenFd(Role.CONNECTED, peer, peerText);
    }

    boolean shown() {
        return role != Role.NOT_SOCKET && role != Role.HIDDEN_SOCKET;
    }

    boolean connection() {
        return role == Role.ACCEPTED || role == Role.CONNECTED;
    }
}
