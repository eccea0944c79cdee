package org.socketstage.socket;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * libc's calls bound one function at a time through JNA's {@link Function}: ready as soon as libc is loaded, since
 * they need nothing of what the direct mapping sets up the first time it binds anything (its libffi type
 * descriptors, JNA structures built through reflection: about 30 ms on a 2-core machine, which came before the
 * first socket()). A call costs a few microseconds more this way (its arguments are boxed and looked at), so the
 * native backend uses these only until {@link DirectCalls} are bound, on a thread of their own, after the first
 * listen() or connect() (src/test/bench/JOURNAL.md, "In the ninth round of 2 Dec").
 */
final class FunctionCalls implements LibcCalls {

    private final Function socket;
    private final Function setsockopt;
    private final Function getsockopt;
    private final Function bind;
    private final Function listen;
    private final Function accept;
    private final Function recv;
    private final Function send;
    private final Function shutdown;
    private final Function close;
    private final Function connect;
    private final Function getsockname;
    private final Function getpeername;
    private final Function poll;
    private final Function strerror;

    /** Looks libc's functions up; throws what JNA throws when one is missing. */
    FunctionCalls(NativeLibrary libc) {
        socket = errnoChecked(libc, "socket");
        setsockopt = errnoChecked(libc, "setsockopt");
        getsockopt = errnoChecked(libc, "getsockopt");
        bind = errnoChecked(libc, "bind");
        listen = errnoChecked(libc, "listen");
        accept = errnoChecked(libc, "accept");
        recv = errnoChecked(libc, "recv");
        send = errnoChecked(libc, "send");
        shutdown = errnoChecked(libc, "shutdown");
        close = errnoChecked(libc, "close");
        connect = errnoChecked(libc, "connect");
        getsockname = errnoChecked(libc, "getsockname");
        getpeername = errnoChecked(libc, "getpeername");
        poll = errnoChecked(libc, "poll");
        strerror = libc.getFunction("strerror");
    }

    private static Function errnoChecked(NativeLibrary libc, String name) {
        return libc.getFunction(name, Function.THROW_LAST_ERROR);
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        return socket.invokeInt(new Object[] {domain, type, protocol});
    }

    @Override
    public int setsockopt(int fd, int level, int name, int[] value, int valueLength) {
        return setsockopt.invokeInt(new Object[] {fd, level, name, value, valueLength});
    }

    @Override
    public int setsockopt(int fd, int level, int name, long[] value, int valueLength) {
        return setsockopt.invokeInt(new Object[] {fd, level, name, value, valueLength});
    }

    @Override
    public int getsockopt(int fd, int level, int name, int[] value, int[] valueLength) {
        return getsockopt.invokeInt(new Object[] {fd, level, name, value, valueLength});
    }

    @Override
    public int bind(int fd, byte[] sockaddr, int addressLength) {
        return bind.invokeInt(new Object[] {fd, sockaddr, addressLength});
    }

    @Override
    public int listen(int fd, int backlog) {
        return listen.invokeInt(new Object[] {fd, backlog});
    }

    @Override
    public int accept(int fd, byte[] sockaddr, int[] addressLength) {
        return accept.invokeInt(new Object[] {fd, sockaddr, addressLength});
    }

    @Override
    public long recv(int fd, Pointer buffer, long length, int flags) {
        return recv.invokeLong(new Object[] {fd, buffer, length, flags});
    }

    @Override
    public long send(int fd, Pointer buffer, long length, int flags) {
        return send.invokeLong(new Object[] {fd, buffer, length, flags});
    }

    @Override
    public int shutdown(int fd, int how) {
        return shutdown.invokeInt(new Object[] {fd, how});
    }

    @Override
    public int close(int fd) {
        return close.invokeInt(new Object[] {fd});
    }

    @Override
    public int connect(int fd, byte[] sockaddr, int addressLength) {
        return connect.invokeInt(new Object[] {fd, sockaddr, addressLength});
    }

    @Override
    public int getsockname(int fd, byte[] sockaddr, int[] addressLength) {
        return getsockname.invokeInt(new Object[] {fd, sockaddr, addressLength});
    }

    @Override
    public int getpeername(int fd, byte[] sockaddr, int[] addressLength) {
        return getpeername.invokeInt(new Object[] {fd, sockaddr, addressLength});
    }

    @Override
    public int poll(byte[] pollfds, long count, int timeoutMillis) {
        return poll.invokeInt(new Object[] {pollfds, count, timeoutMillis});
    }

    @Override
    public String strerror(int errnum) {
        return strerror.invokeString(new Object[] {errnum}, false);
    }
}
