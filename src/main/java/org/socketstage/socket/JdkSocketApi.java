package org.socketstage.socket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The portable backend on java.nio, for systems where libc sockets cannot be called. Handles are numbers
 * from this class's own table, not kernel file descriptors; like the kernel it hands out the lowest free
 * number, starting at 3. Errno values are inferred from Java's exceptions and say so in their note.
 */
public final class JdkSocketApi implements SocketApi {

    private static final int FIRST_HANDLE = 3;
    /** MSG_NOSIGNAL needs no work here: Java never lets SIGPIPE reach the process. */
    private static final int IGNORED_FLAGS = 0x4000;

    private final Map<Integer, NioSocket> handles = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "jdk (java.nio)";
    }

    @Override
    public boolean realFileDescriptors() {
        return false;
    }

    @Override
    public boolean fusesBindAndListen() {
        return true;
    }

    @Override
    public int socket(int domain, int type, int protocol) throws SyscallException {
        if (domain != SocketConstants.AF_INET) {
            throw ErrnoFromJava.asKernelWould("socket", "EAFNOSUPPORT", "only AF_INET (2) is supported");
        }
        if (type != SocketConstants.SOCK_STREAM || (protocol != 0 && protocol != SocketConstants.IPPROTO_TCP)) {
            throw ErrnoFromJava.asKernelWould("socket", "EPROTONOSUPPORT", "only SOCK_STREAM over TCP is supported");
        }
        return register(new NioSocket());
    }

    private synchronized int register(NioSocket socket) {
        int handle = FIRST_HANDLE;
        while (handles.containsKey(handle)) {
            handle++;
        }
        handles.put(handle, socket);
        return handle;
    }

    private NioSocket handle(String call, int fd) throws SyscallException {
        NioSocket socket = handles.get(fd);
        if (socket == null) {
            throw ErrnoFromJava.asKernelWould(call, "EBADF", "no socket is open with handle " + fd);
        }
        return socket;
    }

    @Override
    public void setsockopt(int fd, SocketOption option, int value) throws SyscallException {
        NioSocket socket = handle("setsockopt", fd);
        try {
            socket.setOption(option, value);
        } catch (IOException | RuntimeException e) {
            throw ErrnoFromJava.failure("setsockopt", e);
        }
    }

    /** Only records the address: java.nio cannot bind a socket without also making it listen or connect. */
    @Override
    public void bind(int fd, SockAddrIn address) throws SyscallException {
        NioSocket socket = handle("bind", fd);
        if (socket.recordedBind() != null || socket.hasChannel()) {
            throw ErrnoFromJava.asKernelWould("bind", "EINVAL", "the socket is already bound");
        }
        socket.recordBind(address);
    }

    @Override
    public void listen(int fd, int backlog) throws SyscallException {
        NioSocket socket = handle("listen", fd);
        if (socket.connection() != null) {
            throw ErrnoFromJava.asKernelWould("listen", "EINVAL", "a connected socket cannot listen");
        }
        if (socket.listening() != null) {
            return; // already listening; java.nio cannot change the backlog afterwards
        }
        try {
            socket.listen(backlog);
        } catch (IOException | RuntimeException e) {
            throw ErrnoFromJava.failure("listen", e);
        }
    }

    @Override
    public Accepted accept(int fd) throws SyscallException {
        ServerSocketChannel listening = handle("accept", fd).listening();
        if (listening == null) {
            throw ErrnoFromJava.asKernelWould("accept", "EINVAL", "the socket is not listening");
        }
        try {
            SocketChannel accepted = listening.accept();
            while (accepted == null) {
                block("accept", handle("accept", fd), SelectionKey.OP_ACCEPT, -1);
                accepted = listening.accept();
            }
            SockAddrIn peer = NioSocket.fromJava(accepted.getRemoteAddress());
            return new Accepted(register(new NioSocket(accepted)), peer);
        } catch (IOException | RuntimeException e) {
            throw ErrnoFromJava.failure("accept", e);
        }
    }

    @Override
    public int recv(int fd, byte[] buffer, int length, int flags) throws SyscallException {
        Objects.checkFromIndexSize(0, length, buffer.length);
        NioSocket socket = connected("recv", fd, flags);
        ByteBuffer into = ByteBuffer.wrap(buffer, 0, length);
        long timeout = socket.timeout(SocketOption.SO_RCVTIMEO);
        try {
            while (true) {
                int n = socket.connection().read(into);
                if (n != 0 || length == 0) {
                    return Math.max(n, 0); // Java's -1 for end of stream is recv()'s 0
                }
                if (block("recv", socket, SelectionKey.OP_READ, timeout) == 0 && timeout > 0) {
                    throw ErrnoFromJava.asKernelWould("recv", "EAGAIN", "nothing arrived within SO_RCVTIMEO ("
                            + timeout + " ms)");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ErrnoFromJava.failure("recv", e);
        }
    }

    /** Like a blocking send() on a TCP socket, returns only once every byte is in the send buffer. */
    @Override
    public int sendNoWait(int fd, byte[] data, int offset, int length) throws SyscallException {
        Objects.checkFromIndexSize(offset, length, data.length);
        NioSocket socket = connected("send", fd, 0);
        try {
            int sent = socket.connection().write(ByteBuffer.wrap(data, offset, length));
            if (sent == 0 && length > 0) {
                throw ErrnoFromJava.asKernelWould("send", "EAGAIN", "no room in the send buffer (MSG_DONTWAIT)");
            }
            return sent;
        } catch (IOException | RuntimeException e) {
            throw ErrnoFromJava.failure("send", e);
        }
    }

    @Override
    public int send(int fd, byte[] data, int offset, int length, int flags) throws SyscallException {
        Objects.checkFromIndexSize(offset, length, data.length);
        NioSocket socket = connected("send", fd, flags);
        ByteBuffer from = ByteBuffer.wrap(data, offset, length);
        long timeout = socket.timeout(SocketOption.SO_SNDTIMEO);
        try {
            while (from.hasRemaining()) {
                if (socket.connection().write(from) == 0
                        && block("send", socket, SelectionKey.OP_WRITE, timeout) == 0 && timeout > 0) {
                    int sent = length - from.remaining();
                    if (sent > 0) {
                        return sent; // like the kernel: a send timed out part-way returns what it sent
                    }
                    throw ErrnoFromJava.asKernelWould("send", "EAGAIN", "no room within SO_SNDTIMEO (" + timeout + " ms)");
                }
            }
            return length;
        } catch (IOException | RuntimeException e) {
            throw ErrnoFromJava.failure("send", e);
        }
    }

    /**
     * The wait inside a blocking call. An interrupted Java thread ends it with EINTR, as a signal ends a
     * blocking system call; without this, select() would return at once, again and again.
     */
    private static int block(String call, NioSocket socket, int ops, long timeoutMillis)
            throws IOException, SyscallException {
        int ready = socket.await(ops, timeoutMillis);
        if (Thread.currentThread().isInterrupted()) {
            throw ErrnoFromJava.asKernelWould(call, "EINTR", "the Java thread was interrupted while it waited");
        }
        return ready;
    }

    private NioSocket connected(String call, int fd, int flags) throws SyscallException {
        NioSocket socket = handle(call, fd);
        if ((flags & ~IGNORED_FLAGS) != 0) {
            throw ErrnoFromJava.asKernelWould(call, "EINVAL", "flags other than 0 are not supported, got " + flags);
        }
        SocketChannel channel = socket.connection();
        if (channel == null || !channel.isConnected()) {
            throw ErrnoFromJava.asKernelWould(call, "ENOTCONN", "the socket is not connected");
        }
        return socket;
    }

    @Override
    public void shutdown(int fd, Shutdown how) throws SyscallException {
        SocketChannel channel = handle("shutdown", fd).connection();
        if (channel == null || !channel.isConnected()) {
            throw ErrnoFromJava.asKernelWould("shutdown", "ENOTCONN", "only a connected socket can be shut down");
        }
        try {
            if (how != Shutdown.SHUT_WR) {
                channel.shutdownInput();
            }
            if (how != Shutdown.SHUT_RD) {
                channel.shutdownOutput();
            }
        } catch (IOException | RuntimeException e) {
            throw ErrnoFromJava.failure("shutdown", e);
        }
    }

    @Override
    public void close(int fd) throws SyscallException {
        NioSocket socket = handles.remove(fd);
        if (socket == null) {
            throw ErrnoFromJava.asKernelWould("close", "EBADF", "no socket is open with handle " + fd);
        }
        try {
            socket.close();
        } catch (IOException | RuntimeException e) {
            throw ErrnoFromJava.failure("close", e);
        }
    }

    @Override
    public void connect(int fd, SockAddrIn address) throws SyscallException {
        connect(fd, address, -1);
    }

    /** A negative timeout waits as long as the operating system keeps trying. */
    @Override
    public void connect(int fd, SockAddrIn address, int timeoutMillis) throws SyscallException {
        NioSocket socket = handle("connect", fd);
        if (socket.listening() != null) {
            throw ErrnoFromJava.asKernelWould("connect", "EISCONN", "a listening socket cannot connect");
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        try {
            SocketChannel channel = socket.openForConnect();
            if (channel.connect(NioSocket.toJava(address))) {
                return;
            }
            while (true) {
                long remaining = timeoutMillis < 0 ? -1 : (deadline - System.nanoTime()) / 1_000_000L;
                if (timeoutMillis >= 0 && remaining <= 0) {
                    throw ErrnoFromJava.asKernelWould("connect", "ETIMEDOUT",
                            "no answer within " + timeoutMillis + " ms");
                }
                if (block("connect", socket, SelectionKey.OP_CONNECT, remaining) != 0 && channel.finishConnect()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ErrnoFromJava.failure("connect", e);
        }
    }

    @Override
    public SockAddrIn getsockname(int fd) throws SyscallException {
        NioSocket socket = handle("getsockname", fd);
        try {
            if (socket.listening() != null) {
                return NioSocket.fromJava(socket.listening().getLocalAddress());
            }
            if (socket.connection() != null && socket.connection().getLocalAddress() != null) {
                return NioSocket.fromJava(socket.connection().getLocalAddress());
            }
        } catch (IOException | RuntimeException e) {
            throw ErrnoFromJava.failure("getsockname", e);
        }
        // not bound in the OS yet: the kernel would answer 0.0.0.0:0; the recorded address is more useful
        return socket.recordedBind() != null ? socket.recordedBind() : SockAddrIn.any(0);
    }

    @Override
    public SockAddrIn getpeername(int fd) throws SyscallException {
        SocketChannel channel = handle("getpeername", fd).connection();
        try {
            if (channel == null || !channel.isConnected()) {
                throw ErrnoFromJava.asKernelWould("getpeername", "ENOTCONN", "the socket is not connected");
            }
            return NioSocket.fromJava(channel.getRemoteAddress());
        } catch (IOException | RuntimeException e) {
            throw ErrnoFromJava.failure("getpeername", e);
        }
    }

    /** Like poll(2): an unknown handle is reported as POLLNVAL, not as a failed call. */
    @Override
    public int poll(int fd, int events, int timeoutMillis) throws SyscallException {
        NioSocket socket = handles.get(fd);
        if (socket == null) {
            return SocketConstants.POLLNVAL;
        }
        if (!socket.hasChannel()) {
            return SocketConstants.POLLHUP; // what Linux reports for a socket that is neither listening nor connected
        }
        try {
            int ready = socket.await(selectionOps(socket, events), timeoutMillis);
            return pollEvents(ready, events);
        } catch (IOException | RuntimeException e) {
            throw ErrnoFromJava.failure("poll", e);
        }
    }

    private static int selectionOps(NioSocket socket, int events) {
        int ops = 0;
        if ((events & SocketConstants.POLLIN) != 0) {
            ops |= socket.listening() != null ? SelectionKey.OP_ACCEPT : SelectionKey.OP_READ;
        }
        if ((events & SocketConstants.POLLOUT) != 0) {
            ops |= SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT;
        }
        return ops;
    }

    private static int pollEvents(int ready, int events) {
        int revents = 0;
        if ((ready & (SelectionKey.OP_ACCEPT | SelectionKey.OP_READ)) != 0) {
            revents |= SocketConstants.POLLIN;
        }
        if ((ready & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0) {
            revents |= SocketConstants.POLLOUT;
        }
        return revents & events;
    }
}
