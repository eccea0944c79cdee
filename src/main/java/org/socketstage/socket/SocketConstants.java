package org.socketstage.socket;

/** Constants whose values are the same on Linux and macOS. Platform-specific ones live in the backends. */
public final class SocketConstants {
    public static final int AF_INET = 2;
    public static final int SOCK_STREAM = 1;
    public static final int IPPROTO_TCP = 6;

    public static final int POLLIN = 0x001;
    public static final int POLLOUT = 0x004;
    public static final int POLLERR = 0x008;
    public static final int POLLHUP = 0x010;
    public static final int POLLNVAL = 0x020;

    /** Size of struct sockaddr_in in bytes. */
    public static final int SOCKADDR_IN_SIZE = 16;

    private SocketConstants() {}
}
