package org.socketstage.event;

import org.socketstage.socket.SockAddrIn;

/**
 * Who made a call: the listening socket, one accepted connection, the kernel view, or a client socket.
 * {@code pid} is the process or thread id of a traced program that made the call, 0 for SocketStage's own.
 *
 * <p>A value, like a record (equal when its four parts are), but a class so that it can keep its label: every
 * view, the trace lines and the spool ask for it on every event, and a connection's actor is one object for all
 * of its events. Made anew each time, the label was a good part of what the window allocated under a class's
 * load (a JFR allocation profile of 50 paced clients).
 */
public final class Actor {

    public enum Kind { SERVER, CONNECTION, KERNEL, CLIENT }

    public static final Actor SERVER = new Actor(Kind.SERVER, -1, null);
    public static final Actor KERNEL = new Actor(Kind.KERNEL, -1, null);

    private final Kind kind;
    private final int fd;
    private final SockAddrIn peer;
    private final int pid;
    /** Made on first use; a race only makes it twice (a String is safe to share however it was published). */
    private String label;
    /** The peer's {@code host:port}, kept as the label is: the spool writes it for every event. */
    private String peerText;

    public Actor(Kind kind, int fd, SockAddrIn peer, int pid) {
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
        this.fd = fd;
        this.peer = peer;
        this.pid = pid;
    }

    public Actor(Kind kind, int fd, SockAddrIn peer) {
        this(kind, fd, peer, 0);
    }

    public Kind kind() {
        return kind;
    }

    public int fd() {
        return fd;
    }

    public SockAddrIn peer() {
        return peer;
    }

    public int pid() {
        return pid;
    }

    /** {@link #peer()} as text ({@code 127.0.0.1:51234}), made once; null without a peer. */
    public String peerText() {
        String t = peerText;
        if (t == null && peer != null) {
            t = peer.toString();
            peerText = t;
        }
        return t;
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
        String l = label;
        if (l == null) {
            l = pid > 0 ? "pid " + pid + " " + roleLabel() : roleLabel();
            label = l;
        }
        return l;
    }

    private String roleLabel() {
        return switch (kind) {
            case SERVER -> "server";
            case KERNEL -> "kernel";
            case CONNECTION -> "conn " + fd + (peer == null ? "" : " " + peerText());
            case CLIENT -> "client " + fd + (peer == null ? "" : " " + peerText());
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Actor a && a.kind == kind && a.fd == fd && a.pid == pid
                && java.util.Objects.equals(a.peer, peer);
    }

    @Override
    public int hashCode() {
        return ((kind.hashCode() * 31 + fd) * 31 + java.util.Objects.hashCode(peer)) * 31 + pid;
    }

    @Override
    public String toString() {
        return label();
    }
}
