package org.socketstage.socket;

/**
 * The socket constants whose numbers differ between Linux and macOS (BSD). Values are the ones in
 * the systems' headers: {@code <sys/socket.h>}, {@code <fcntl.h>}, {@code <netinet/tcp.h>}.
 */
record NativeConstants(
        int solSocket,
        int soReuseAddr,
        int soLinger,
        int soRcvBuf,
        int soSndBuf,
        int soError,
        int msgNoSignal,
        int soNoSigPipe,
        int oNonBlock,
        int soKeepAlive,
        int soRcvTimeo,
        int soSndTimeo,
        int tcpKeepIdle,
        int tcpKeepIntvl,
        int tcpKeepCnt,
        int msgDontWait) {

    static final int IPPROTO_TCP = 6;
    static final int TCP_NODELAY = 1;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;

    /** Linux has MSG_NOSIGNAL per send(); macOS has no such flag, only SO_NOSIGPIPE per socket. */
    static final NativeConstants LINUX = new NativeConstants(1, 2, 13, 8, 7, 4, 0x4000, 0, 04000,
            9, 20, 21, 4, 5, 6, 0x40);

    /** macOS calls the keepalive idle time TCP_KEEPALIVE (0x10). */
    static final NativeConstants MACOS = new NativeConstants(0xffff, 0x4, 0x80, 0x1002, 0x1001, 0x1007, 0, 0x1022, 0x4,
            0x8, 0x1006, 0x1005, 0x10, 0x101, 0x102, 0x80);

    static NativeConstants forPlatform(Platform platform) {
        return platform == Platform.MACOS ? MACOS : LINUX;
    }

    boolean needsNoSigPipeOption() {
        return soNoSigPipe != 0;
    }

    int level(SocketOption option) {
        return option.level().equals("IPPROTO_TCP") ? IPPROTO_TCP : solSocket;
    }

    int name(SocketOption option) {
        return switch (option) {
            case SO_REUSEADDR -> soReuseAddr;
            case SO_LINGER -> soLinger;
            case SO_RCVBUF -> soRcvBuf;
            case SO_SNDBUF -> soSndBuf;
            case TCP_NODELAY -> TCP_NODELAY;
            case SO_KEEPALIVE -> soKeepAlive;
            case SO_RCVTIMEO -> soRcvTimeo;
            case SO_SNDTIMEO -> soSndTimeo;
            case TCP_KEEPIDLE -> tcpKeepIdle;
            case TCP_KEEPINTVL -> tcpKeepIntvl;
            case TCP_KEEPCNT -> tcpKeepCnt;
        };
    }
}
