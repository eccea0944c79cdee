package org.socketstage.socket;

/**
 * The socket options SocketStage sets, named as in the man pages. SO_RCVTIMEO and SO_SNDTIMEO take
 * milliseconds (the kernel's struct timeval is filled from them); the TCP_KEEP* options take seconds or counts.
 */
public enum SocketOption {
    SO_REUSEADDR,
    SO_LINGER,
    SO_RCVBUF,
    SO_SNDBUF,
    TCP_NODELAY,
    /** Probe an idle connection, so a peer that vanished (a laptop closed) is noticed. */
    SO_KEEPALIVE,
    /** A blocking recv() that waits longer than this fails with EAGAIN; 0 waits for ever. */
    SO_RCVTIMEO,
    /** A blocking send() that waits longer than this for room returns what it sent, or fails with EAGAIN. */
    SO_SNDTIMEO,
    /** Seconds of silence before the first keepalive probe (TCP_KEEPALIVE on macOS). */
    TCP_KEEPIDLE,
    /** Seconds between keepalive probes. */
    TCP_KEEPINTVL,
    /** Unanswered probes before the kernel drops the connection. */
    TCP_KEEPCNT;

    public String level() {
        return name().startsWith("TCP_") ? "IPPROTO_TCP" : "SOL_SOCKET";
    }

    /** True for the options whose value is a time the kernel keeps as a struct timeval. */
    public boolean isTimeout() {
        return this == SO_RCVTIMEO || this == SO_SNDTIMEO;
    }
}
