package org.socketstage.socket;

/** The socket options SocketStage sets, named as in the man pages. */
public enum SocketOption {
    SO_REUSEADDR,
    SO_LINGER,
    SO_RCVBUF,
    SO_SNDBUF,
    TCP_NODELAY;

    public String level() {
        return this == TCP_NODELAY ? "IPPROTO_TCP" : "SOL_SOCKET";
    }
}
