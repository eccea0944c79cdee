package org.socketstage.socket;

import java.util.ArrayDeque;
import java.util.Deque;

/** Test fixture: opens sockets through one backend and closes every one of them afterwards. */
final class OpenHandles implements AutoCloseable {

    final SocketApi api;
    private final Deque<Integer> open = new ArrayDeque<>();

    OpenHandles(SocketApi api) {
        this.api = api;
    }

    int socket() throws SyscallException {
        return track(api.socketTcp());
    }

    int track(int handle) {
        open.push(handle);
        return handle;
    }

    /** A listening socket on 127.0.0.1 with a port the OS picked. */
    int listener(int backlog) throws SyscallException {
        int fd = socket();
        api.setsockopt(fd, SocketOption.SO_REUSEADDR, 1);
        api.bind(fd, SockAddrIn.loopback(0));
        api.listen(fd, backlog);
        return fd;
    }

    int port(int fd) throws SyscallException {
        return api.getsockname(fd).port();
    }

    int connectedClient(int port) throws SyscallException {
        int fd = socket();
        api.connect(fd, SockAddrIn.loopback(port));
        return fd;
    }

    void closeQuietly(int handle) {
        open.remove(handle);
        try {
            api.close(handle);
        } catch (SyscallException alreadyClosed) {
            // the test may have closed it on purpose
        }
    }

    @Override
    public void close() {
        while (!open.isEmpty()) {
            closeQuietly(open.peek());
        }
    }
}
