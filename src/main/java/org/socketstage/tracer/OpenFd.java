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
        /** The pipe SocketStage reads as the program's standard output: writes become stdout notices. */
        STANDARD_OUTPUT,
        /** The same for standard error. */
        STANDARD_ERROR,
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
    static final OpenFd STDOUT = new OpenFd(Role.STANDARD_OUTPUT, null, null);
    static final OpenFd STDERR = new OpenFd(Role.STANDARD_ERROR, null, null);
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
        return switch (role) {
            case SOCKET, LISTENING, ACCEPTED, CONNECTED -> true;
            default -> false;
        };
    }

    /** "stdout" or "stderr" for the program's output pipes, else null. */
    String output() {
        return role == Role.STANDARD_OUTPUT ? "stdout" : role == Role.STANDARD_ERROR ? "stderr" : null;
    }

    boolean connection() {
        return role == Role.ACCEPTED || role == Role.CONNECTED;
    }
}
