package org.socketstage.instructor;

import java.net.UnknownHostException;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SyscallException;

/**
 * A listening socket of SocketStage's own, separate from the server, that occupies a port so the server's
 * bind() meets a real EADDRINUSE. It never accepts; closing it ("Release") frees the port.
 */
public final class PortHolder implements AutoCloseable {

    private final SocketApi api;
    private final int fd;
    private final int port;
    private boolean closed;

    private PortHolder(SocketApi api, int fd, int port) {
        this.api = api;
        this.fd = fd;
        this.port = port;
    }

    /**
     * socket(), bind() and listen() on {@code host:port}; port 0 lets the kernel pick one.
     *
     * @throws SyscallException with EADDRINUSE when something else already holds the port
     */
    public static PortHolder hold(SocketApi api, String host, int port) throws SyscallException, UnknownHostException {
        SockAddrIn address = SockAddrIn.of(host, port);
        int fd = api.socketTcp();
        try {
            api.bind(fd, address);
            api.listen(fd, 1);
            int bound = port != 0 ? port : api.getsockname(fd).port();
            return new PortHolder(api, fd, bound);
        } catch (SyscallException | RuntimeException e) {
            closeQuietly(api, fd);
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public int fd() {
        return fd;
    }

    public synchronized boolean released() {
        return closed;
    }

    /** Frees the port. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(api, fd);
        }
    }

    private static void closeQuietly(SocketApi api, int fd) {
        try {
            api.close(fd);
        } catch (SyscallException e) {
            // the descriptor is gone either way
        }
    }
}
