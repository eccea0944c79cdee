package org.socketstage.socket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The socket calls made for real: each method is one libc call through JNA, handles are the kernel's
 * file descriptors, and a failure carries the errno the kernel set plus strerror()'s text for it.
 */
public final class NativeSocketApi implements SocketApi {

    private static final int POLLFD_SIZE = 8;

    private final NativeConstants constants;
    private final int einprogress;
    private final int eintr;
    private final int etimedout;

    /**
     * Loading libc is attempted once; its failure is remembered so isSupported() stays cheap. Loading it binds each
     * call as a JNA Function ({@link FunctionCalls}); the direct mapping comes later ({@link #bindDirectlySoon()}).
     */
    private static final class Libc {
        static final String FAILURE;

        static {
            String failure = null;
            if (Platform.current() == Platform.OTHER) {
                failure = "libc sockets are used on Linux and macOS only, this is " + System.getProperty("os.name");
            } else {
                try {
                    JnaQuickStart.apply(); // when Main did not already (tests, tools)
                    calls = new FunctionCalls(NativeLibrary.getInstance("c"));
                } catch (LinkageError | RuntimeException e) {
                    failure = "could not load libc through JNA: " + e.getMessage();
                }
            }
            FAILURE = failure;
        }
    }

    /**
     * The calls in use: libc's functions one at a time ({@link FunctionCalls}) from when libc is loaded, the direct
     * mapping ({@link DirectCalls}) from when it is bound. Set by Libc's initialiser, which every instance follows.
     */
    private static volatile LibcCalls calls;

    /** The direct mapping, bound once per process when this class is first used; null where it could not be. */
    private static final class Direct {
        static final LibcCalls CALLS = bind();

        private static LibcCalls bind() {
            try {
                DirectLibC.register();
                return DirectCalls.INSTANCE;
            } catch (LinkageError | RuntimeException e) {
                return null; // libc's Functions serve on: slower per call, but every call is there
            }
        }
    }

    private static final AtomicBoolean DIRECT_BINDING_STARTED = new AtomicBoolean();

    /**
     * Binds the direct mapping on a thread of its own, once per process, and switches to it when it is ready. Called
     * after the first listen() (the server then waits for its first client) and the first connect(): by then the
     * socket is there, and the calls made meanwhile go through libc's Functions, so nothing waits for the binding.
     */
    private static void bindDirectlySoon() {
        if (DIRECT_BINDING_STARTED.compareAndSet(false, true)) {
            Thread binder = new Thread(NativeSocketApi::switchToDirectCalls, "socketstage-libc-binder");
            binder.setDaemon(true);
            binder.start();
        }
    }

    private static void switchToDirectCalls() {
        LibcCalls direct = Direct.CALLS;
        if (direct != null) {
            calls = direct;
        }
    }

    /** Whether the direct mapping's binding has been started in this process (for tests, in a JVM of their own). */
    static boolean directBindingStarted() {
        return DIRECT_BINDING_STARTED.get();
    }

    /** Whether the calls now go through the direct mapping. */
    static boolean directCallsInUse() {
        return calls instanceof DirectCalls;
    }

    /** fcntl, variadic, through an interface mapping: made on the first timed connect (see {@link LibC}). */
    private static final class Fcntl {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    /** True on Linux or macOS when libc could be loaded. */
    public static boolean isSupported() {
        return Libc.FAILURE == null;
    }

    /** @throws IllegalStateException when {@link #isSupported()} is false, saying why. */
    public NativeSocketApi() {
        if (!isSupported()) {
            throw new IllegalStateException("the native socket backend is not available: " + Libc.FAILURE);
        }
        this.constants = NativeConstants.forPlatform(Platform.current());
        this.einprogress = errnoNumber("EINPROGRESS");
        this.eintr = errnoNumber("EINTR");
        this.etimedout = errnoNumber("ETIMEDOUT");
    }

    private static int errnoNumber(String name) {
        return Errno.byName(name).orElseThrow().number();
    }

    @Override
    public String name() {
        return "native (libc via JNA)";
    }

    @Override
    public boolean realFileDescriptors() {
        return true;
    }

    @Override
    public boolean fusesBindAndListen() {
        return false;
    }

    @Override
    public int socket(int domain, int type, int protocol) throws SyscallException {
        int fd;
        try {
            fd = calls.socket(domain, type, protocol);
        } catch (LastErrorException e) {
            throw failure("socket", e);
        }
        return suppressSigPipe("socket", fd);
    }

    /**
     * macOS has no MSG_NOSIGNAL; a socket-wide SO_NOSIGPIPE keeps a gone peer from killing the JVM. A socket
     * that cannot get it is closed rather than handed out.
     */
    private int suppressSigPipe(String call, int fd) throws SyscallException {
        if (constants.needsNoSigPipeOption()) {
            try {
                calls.setsockopt(fd, constants.solSocket(), constants.soNoSigPipe(), new int[] {1}, Integer.BYTES);
            } catch (LastErrorException e) {
                closeQuietly(fd);
                throw failure(call + " (setting SO_NOSIGPIPE)", e);
            }
        }
        return fd;
    }

    @Override
    public void setsockopt(int fd, SocketOption option, int value) throws SyscallException {
        try {
            if (option.isTimeout()) {
                // struct timeval {tv_sec; tv_usec}: two 64-bit fields (on macOS tv_usec is 32 bits, padded)
                long millis = Math.max(0, value);
                long[] timeval = {millis / 1000, (millis % 1000) * 1000};
                calls.setsockopt(fd, constants.level(option), constants.name(option), timeval, 2 * Long.BYTES);
                return;
            }
            int[] optionValue = option == SocketOption.SO_LINGER
                    ? new int[] {value < 0 ? 0 : 1, Math.max(value, 0)} // struct linger {l_onoff, l_linger}
                    : new int[] {value};
            calls.setsockopt(fd, constants.level(option), constants.name(option), optionValue,
                    optionValue.length * Integer.BYTES);
        } catch (LastErrorException e) {
            throw failure("setsockopt", e);
        }
    }

    @Override
    public void bind(int fd, SockAddrIn address) throws SyscallException {
        try {
            calls.bind(fd, address.structBytes(), SocketConstants.SOCKADDR_IN_SIZE);
        } catch (LastErrorException e) {
            throw failure("bind", e);
        }
    }

    @Override
    public void listen(int fd, int backlog) throws SyscallException {
        try {
            calls.listen(fd, backlog);
        } catch (LastErrorException e) {
            throw failure("listen", e);
        }
        // the server now waits for its first client: the quicker way to call libc is bound meanwhile
        bindDirectlySoon();
    }

    @Override
    public Accepted accept(int fd) throws SyscallException {
        byte[] peer = new byte[SocketConstants.SOCKADDR_IN_SIZE];
        int[] length = {peer.length};
        int connection;
        try {
            connection = calls.accept(fd, peer, length);
        } catch (LastErrorException e) {
            throw failure("accept", e);
        }
        return new Accepted(suppressSigPipe("accept", connection), SockAddrIn.fromStructBytes(peer));
    }

    @Override
    public int recv(int fd, byte[] buffer, int length, int flags) throws SyscallException {
        Objects.checkFromIndexSize(0, length, buffer.length);
        IoBuffer io = ioBuffer(length);
        int n;
        try {
            n = (int) calls.recv(fd, io.memory, length, flags);
        } catch (LastErrorException e) {
            throw failure("recv", e);
        }
        if (n > 0) {
            io.view.get(0, buffer, 0, n);
        }
        return n;
    }

    @Override
    public int send(int fd, byte[] data, int offset, int length, int flags) throws SyscallException {
        Objects.checkFromIndexSize(offset, length, data.length);
        IoBuffer io = ioBuffer(length);
        if (length > 0) {
            io.view.put(0, data, offset, length);
        }
        try {
            return (int) calls.send(fd, io.memory, length, flags | constants.msgNoSignal());
        } catch (LastErrorException e) {
            throw failure("send", e);
        }
    }

    @Override
    public int sendNoWait(int fd, byte[] data, int offset, int length) throws SyscallException {
        return send(fd, data, offset, length, constants.msgDontWait());
    }

    @Override
    public void shutdown(int fd, Shutdown how) throws SyscallException {
        try {
            calls.shutdown(fd, how.value());
        } catch (LastErrorException e) {
            throw failure("shutdown", e);
        }
    }

    @Override
    public void close(int fd) throws SyscallException {
        try {
            calls.close(fd);
        } catch (LastErrorException e) {
            throw failure("close", e);
        }
    }

    @Override
    public void connect(int fd, SockAddrIn address) throws SyscallException {
        bindDirectlySoon();
        try {
            calls.connect(fd, address.structBytes(), SocketConstants.SOCKADDR_IN_SIZE);
        } catch (LastErrorException e) {
            throw failure("connect", e);
        }
    }

    /**
     * A blocking connect() has no timeout of its own (the kernel retries SYNs for minutes), so this one
     * switches the socket to non-blocking, waits for writability with poll(), reads the outcome from
     * SO_ERROR and switches blocking back on.
     */
    @Override
    public void connect(int fd, SockAddrIn address, int timeoutMillis) throws SyscallException {
        bindDirectlySoon();
        int flags = fileStatusFlags(fd);
        setFileStatusFlags(fd, flags | constants.oNonBlock());
        try {
            try {
                calls.connect(fd, address.structBytes(), SocketConstants.SOCKADDR_IN_SIZE);
                return;
            } catch (LastErrorException e) {
                if (e.getErrorCode() != einprogress) {
                    throw failure("connect", e);
                }
            }
            awaitConnected(fd, timeoutMillis);
        } finally {
            setFileStatusFlags(fd, flags);
        }
    }

    private void awaitConnected(int fd, int timeoutMillis) throws SyscallException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        int ready = 0;
        while (ready == 0) {
            long remaining = (deadline - System.nanoTime()) / 1_000_000L;
            if (remaining <= 0) {
                throw new SyscallException("connect", errno(etimedout));
            }
            ready = poll(fd, SocketConstants.POLLOUT, (int) remaining);
        }
        int[] error = {0};
        try {
            calls.getsockopt(fd, constants.solSocket(), constants.soError(), error, new int[] {Integer.BYTES});
        } catch (LastErrorException e) {
            throw failure("getsockopt", e);
        }
        if (error[0] != 0) {
            throw new SyscallException("connect", errno(error[0]));
        }
    }

    private int fileStatusFlags(int fd) throws SyscallException {
        try {
            return Fcntl.LIBC.fcntl(fd, NativeConstants.F_GETFL);
        } catch (LastErrorException e) {
            throw failure("fcntl", e);
        }
    }

    private void setFileStatusFlags(int fd, int flags) throws SyscallException {
        try {
            Fcntl.LIBC.fcntl(fd, NativeConstants.F_SETFL, flags);
        } catch (LastErrorException e) {
            throw failure("fcntl", e);
        }
    }

    @Override
    public SockAddrIn getsockname(int fd) throws SyscallException {
        byte[] address = new byte[SocketConstants.SOCKADDR_IN_SIZE];
        try {
            calls.getsockname(fd, address, new int[] {address.length});
        } catch (LastErrorException e) {
            throw failure("getsockname", e);
        }
        return SockAddrIn.fromStructBytes(address);
    }

    @Override
    public SockAddrIn getpeername(int fd) throws SyscallException {
        byte[] address = new byte[SocketConstants.SOCKADDR_IN_SIZE];
        try {
            calls.getpeername(fd, address, new int[] {address.length});
        } catch (LastErrorException e) {
            throw failure("getpeername", e);
        }
        return SockAddrIn.fromStructBytes(address);
    }

    /** EINTR (a signal arrived) counts as a timeout: callers poll in a loop anyway. */
    @Override
    public int poll(int fd, int events, int timeoutMillis) throws SyscallException {
        ByteBuffer pollfd = ByteBuffer.allocate(POLLFD_SIZE).order(ByteOrder.nativeOrder());
        pollfd.putInt(0, fd).putShort(4, (short) events).putShort(6, (short) 0);
        byte[] struct = pollfd.array();
        try {
            int ready = calls.poll(struct, 1, timeoutMillis);
            return ready == 0 ? 0 : ByteBuffer.wrap(struct).order(ByteOrder.nativeOrder()).getShort(6) & 0xffff;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == eintr) {
                return 0;
            }
            throw failure("poll", e);
        }
    }

    /**
     * Each thread's own native buffer for recv() and send(), kept and grown as needed: the bytes cross between
     * Java and the kernel once, only as many as were received or are to be sent. They are copied in and out through
     * a direct ByteBuffer over the same memory, in Java, rather than by a JNI call each way.
     */
    private static final ThreadLocal<IoBuffer> IO = new ThreadLocal<>();

    /** The native memory, which recv() and send() are given, and a view of the same bytes to copy through. */
    private record IoBuffer(Memory memory, ByteBuffer view) {
        IoBuffer(Memory memory) {
            this(memory, memory.getByteBuffer(0, memory.size()));
        }
    }

    private static IoBuffer ioBuffer(int length) {
        IoBuffer io = IO.get();
        if (io == null || io.memory.size() < Math.max(1, length)) {
            io = new IoBuffer(new Memory(Math.max(4096, length)));
            IO.set(io);
        }
        return io;
    }

    /** After a failure that is being reported anyway: close()'s own failure would say nothing more. */
    private static void closeQuietly(int fd) {
        try {
            calls.close(fd);
        } catch (LastErrorException e) {
            // the descriptor is released by the kernel even when close() reports an error (Linux)
        }
    }

    private SyscallException failure(String call, LastErrorException e) {
        return new SyscallException(call, errno(e.getErrorCode()));
    }

    private Errno errno(int number) {
        return Errno.of(number, calls.strerror(number));
    }
}
