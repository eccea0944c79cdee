package org.socketstage.socket;

import com.sun.jna.Pointer;

/** libc's calls through JNA's direct mapping ({@link DirectLibC}), once {@link DirectLibC#register()} has bound it. */
final class DirectCalls implements LibcCalls {

    static final DirectCalls INSTANCE = new DirectCalls();

    private DirectCalls() {}

    @Override
    public int socket(int domain, int type, int protocol) {
        return DirectLibC.socket(domain, type, protocol);
    }

    @Override
    public int setsockopt(int fd, int level, int name, int[] value, int valueLength) {
        return DirectLibC.setsockopt(fd, level, name, value, valueLength);
    }

    @Override
    public int setsockopt(int fd, int level, int name, long[] value, int valueLength) {
        return DirectLibC.setsockopt(fd, level, name, value, valueLength);
    }

    @Override
    public int getsockopt(int fd, int level, int name, int[] value, int[] valueLength) {
        return DirectLibC.getsockopt(fd, level, name, value, valueLength);
    }

    @Override
    public int bind(int fd, byte[] sockaddr, int addressLength) {
        return DirectLibC.bind(fd, sockaddr, addressLength);
    }

    @Override
    public int listen(int fd, int backlog) {
        return DirectLibC.listen(fd, backlog);
    }

    @Override
    public int accept(int fd, byte[] sockaddr, int[] addressLength) {
        return DirectLibC.accept(fd, sockaddr, addressLength);
    }

    @Override
    public long recv(int fd, Pointer buffer, long length, int flags) {
        return DirectLibC.recv(fd, buffer, length, flags);
    }

    @Override
    public long send(int fd, Pointer buffer, long length, int flags) {
        return DirectLibC.send(fd, buffer, length, flags);
    }

    @Override
    public int shutdown(int fd, int how) {
        return DirectLibC.shutdown(fd, how);
    }

    @Override
    public int close(int fd) {
        return DirectLibC.close(fd);
    }

    @Override
    public int connect(int fd, byte[] sockaddr, int addressLength) {
        return DirectLibC.connect(fd, sockaddr, addressLength);
    }

    @Override
    public int getsockname(int fd, byte[] sockaddr, int[] addressLength) {
        return DirectLibC.getsockname(fd, sockaddr, addressLength);
    }

    @Override
    public int getpeername(int fd, byte[] sockaddr, int[] addressLength) {
        return DirectLibC.getpeername(fd, sockaddr, addressLength);
    }

    @Override
    public int poll(byte[] pollfds, long count, int timeoutMillis) {
        return DirectLibC.poll(pollfds, count, timeoutMillis);
    }

    @Override
    public String strerror(int errnum) {
        return DirectLibC.strerror(errnum);
    }
}
