package org.socketstage.socket;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLibrary;

/**
 * The libc calls on the way to a listening socket (socket, setsockopt, bind, getsockname, listen), each bound on its
 * own through JNA's {@link Function}. Binding them this way needs nothing of what JNA's direct mapping sets up the
 * first time it binds anything (its type descriptors for libffi, built as JNA structures through reflection): about
 * 30 ms on a 2-core machine, which otherwise came before the first socket() (README, "In the ninth round"). The
 * other calls, made for every connection, stay in {@link DirectLibC}, bound once listen() has been made. A call costs
 * a few microseconds more this way (its arguments are boxed and looked at), made once or twice per server run.
 * Each call throws {@link LastErrorException} with the errno when it fails, as DirectLibC's do.
 */
final class StartCalls {

    private final Function socket;
    private final Function setsockopt;
    private final Function bind;
    private final Function getsockname;
    private final Function listen;

    /** Looks the five functions up in libc; throws what JNA throws when one is missing. */
    StartCalls(NativeLibrary libc) {
        socket = libc.getFunction("socket", Function.THROW_LAST_ERROR);
        setsockopt = libc.getFunction("setsockopt", Function.THROW_LAST_ERROR);
        bind = libc.getFunction("bind", Function.THROW_LAST_ERROR);
        getsockname = libc.getFunction("getsockname", Function.THROW_LAST_ERROR);
        listen = libc.getFunction("listen", Function.THROW_LAST_ERROR);
    }

    int socket(int domain, int type, int protocol) throws LastErrorException {
        return socket.invokeInt(new Object[] {domain, type, protocol});
    }

    int setsockopt(int fd, int level, int name, int[] value, int valueLength) throws LastErrorException {
        return setsockopt.invokeInt(new Object[] {fd, level, name, value, valueLength});
    }

    /** For a struct timeval (SO_RCVTIMEO, SO_SNDTIMEO): two longs on the 64-bit systems we run on. */
    int setsockopt(int fd, int level, int name, long[] value, int valueLength) throws LastErrorException {
        return setsockopt.invokeInt(new Object[] {fd, level, name, value, valueLength});
    }

    int bind(int fd, byte[] sockaddr, int addressLength) throws LastErrorException {
        return bind.invokeInt(new Object[] {fd, sockaddr, addressLength});
    }

    int getsockname(int fd, byte[] sockaddr, int[] addressLength) throws LastErrorException {
        return getsockname.invokeInt(new Object[] {fd, sockaddr, addressLength});
    }

    int listen(int fd, int backlog) throws LastErrorException {
        return listen.invokeInt(new Object[] {fd, backlog});
    }
}
