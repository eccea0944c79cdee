package org.socketstage.event;

import org.socketstage.socket.SockAddrIn;

/**
 * Who made a call: the listening socket, one accepted connection, the kernel view, or a client socket.
 * {@code pid} is the process or thread id of a traced program that made the call, 0 for SocketStage's own.
 */
public record Actor(Kind kind, int fd, SockAddrIn peer, int pid) {

    public enum Kind { SERVER, CONNECTION, KERNEL, CLIENT }

    public static final Actor SERVER = new Actor(Kind.SERVER, -1, null);
    public static final Actor KERNEL = new Actor(Kind.KERNEL, -1, null);

    public Actor(Kind kind, int fd, SockAddrIn peer) {
        this(kind, fd, peer, 0);
    }

    /** The same role, in a traced program's process or thread {@code pid}. */
    public Actor inTask(int taskPid) {
        return new Actor(kind, fd, peer, taskPid);
    }

    public boolean traced() {
        return pid > 0;
    }

    public static Actor connection(int fd, SockAddrIn peer) {
        return new Actor(Kind.CONNECTION, fd, peer);
    }

    public static Actor client(int fd, SockAddrIn local) {
        return new Actor(Kind.CLIENT, fd, local);
    }

    /** The prefix of a trace line: {@code server}, {@code conn 4 127.0.0.1:51234}, {@code kernel}. */
    public String label() {
        return pid > 0 ? "pid " + pid + " " + roleLabel() : roleLabel();
    }

    private String roleLabel() {
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
