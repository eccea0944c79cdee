package org.socketstage.socket;

import java.util.function.Supplier;

/**
 * The automatic backend, chosen when it is first used rather than when it is made: native where libc loads
 * through JNA, else java.nio. Libc is loading on a thread of its own from the launch ({@link
 * SocketBackend#loadNativeEarly()}); a session made with this backend is built meanwhile, and only the server's
 * first call waits for the loading to end, on the server's thread. Each call then goes straight to the chosen
 * backend.
 */
final class ChosenOnFirstUse implements SocketApi {

    private final Supplier<SocketApi> choice;
    private volatile SocketApi chosen;

    ChosenOnFirstUse(Supplier<SocketApi> choice) {
        this.choice = choice;
    }

    /** The backend the choice gave, made at the first call from any thread. */
    SocketApi chosen() {
        SocketApi api = chosen;
        if (api == null) {
            synchronized (this) {
                api = chosen;
                if (api == null) {
                    api = choice.get();
                    chosen = api;
                }
            }
        }
        return api;
    }

    @Override
    public String name() {
        return chosen().name();
    }

    @Override
    public boolean realFileDescriptors() {
        return chosen().realFileDescriptors();
    }

    @Override
    public boolean fusesBindAndListen() {
        return chosen().fusesBindAndListen();
    }

    @Override
    public int socket(int domain, int type, int protocol) throws SyscallException {
        return chosen().socket(domain, type, protocol);
    }

    @Override
    public int socketTcp() throws SyscallException {
        return chosen().socketTcp();
    }

    @Override
    public void setsockopt(int fd, SocketOption option, int value) throws SyscallException {
        chosen().setsockopt(fd, option, value);
    }

    @Override
    public void bind(int fd, SockAddrIn address) throws SyscallException {
        chosen().bind(fd, address);
    }

    @Override
    public void listen(int fd, int backlog) throws SyscallException {
        chosen().listen(fd, backlog);
    }

    @Override
    public Accepted accept(int fd) throws SyscallException {
        return chosen().accept(fd);
    }

    @Override
    public int recv(int fd, byte[] buffer, int length, int flags) throws SyscallException {
        return chosen().recv(fd, buffer, length, flags);
    }

    @Override
    public int sendNoWait(int fd, byte[] data, int offset, int length) throws SyscallException {
        return chosen().sendNoWait(fd, data, offset, length);
    }

    @Override
    public int send(int fd, byte[] data, int offset, int length, int flags) throws SyscallException {
        return chosen().send(fd, data, offset, length, flags);
    }

    @Override
    public void shutdown(int fd, Shutdown how) throws SyscallException {
        chosen().shutdown(fd, how);
    }

    @Override
    public void close(int fd) throws SyscallException {
        chosen().close(fd);
    }

    @Override
    public void connect(int fd, SockAddrIn address) throws SyscallException {
        chosen().connect(fd, address);
    }

    @Override
    public void connect(int fd, SockAddrIn address, int timeoutMillis) throws SyscallException {
        chosen().connect(fd, address, timeoutMillis);
    }

    @Override
    public SockAddrIn getsockname(int fd) throws SyscallException {
        return chosen().getsockname(fd);
    }

    @Override
    public SockAddrIn getpeername(int fd) throws SyscallException {
        return chosen().getpeername(fd);
    }

    @Override
    public int poll(int fd, int events, int timeoutMillis) throws SyscallException {
        return chosen().poll(fd, events, timeoutMillis);
    }
}
