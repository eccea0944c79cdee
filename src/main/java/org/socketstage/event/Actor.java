package org.socketstage.event;

import org.socketstage.socket.SockAddrIn;

/** Who made a call: the listening socket, one accepted connection, the kernel view, or a client socket. */
public record Actor(Kind kind, int fd, SockAddrIn peer) {

    public enum Kind { SERVER, CONNECTION, KERNEL, CLIENT }

    public static final Actor SERVER = new Actor(Kind.SERVER, -1, null);
    public static final Actor KERNEL = new Actor(Kind.KERNEL, -1, null);

    public static Actor connection(int fd, SockAddrIn peer) {
        return new Actor(Kind.CONNECTION, fd, peer);
    }

    public static Actor client(int fd, SockAddrIn local) {
        return new Actor(Kind.CLIENT, fd, local);
    }

    /** The prefix of a trace line: {@code server}, {@code conn 4 127.0.0.1:51234}, {@code kernel}. */
    public String label() {
        return switch (kind) {
            case SERVER -> "server";
            case KERNEL -> "kernel";
            case CONNECTION -> "conn " + fd + (peer == null ? "" : " " + peer);
            case CLIENT -> "client " + fd + (peer == null ? "" : " " + peer);
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
