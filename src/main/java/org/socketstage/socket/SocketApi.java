package org.socketstage.socket;

/**
 * The system calls the lessons teach, one method per call. Handles are plain ints so that the
 * native backend can hand out the kernel's real file descriptors.
 *
 * <p>Every method that fails throws {@link SyscallException} carrying the errno; none returns -1.
 * Blocking calls (accept, recv, connect) block for real: callers that must stay stoppable call
 * {@link #poll} first and only make the blocking call once poll reports the handle ready.
 */
public interface SocketApi {

    /** Short name shown to students, e.g. "native (libc via JNA)". */
    String name();

    /** True when a handle is a real kernel file descriptor. */
    boolean realFileDescriptors();

    /**
     * True where bind() only records the address and listen() does the binding (java.nio binds and
     * listens in one call).
     */
    boolean fusesBindAndListen();

    int socket(int domain, int type, int protocol) throws SyscallException;

    /** A stream socket for IPv4: {@code socket(AF_INET, SOCK_STREAM, 0)}. */
    default int socketTcp() throws SyscallException {
        return socket(SocketConstants.AF_INET, SocketConstants.SOCK_STREAM, 0);
    }

    /**
     * setsockopt with an int value. For {@link SocketOption#SO_LINGER} the value is the linger time in
     * seconds, or a negative number to switch lingering off.
     */
    void setsockopt(int fd, SocketOption option, int value) throws SyscallException;

    void bind(int fd, SockAddrIn address) throws SyscallException;

    void listen(int fd, int backlog) throws SyscallException;

    Accepted accept(int fd) throws SyscallException;

    /** Returns the number of bytes received, 0 when the peer has closed its side. */
    int recv(int fd, byte[] buffer, int length, int flags) throws SyscallException;

    /**
     * send() with MSG_DONTWAIT, as a non-blocking server sends: the kernel takes what fits in the socket's send
     * buffer now and returns that count (a short send), or fails with EAGAIN when nothing fits. Never waits.
     */
    int sendNoWait(int fd, byte[] data, int offset, int length) throws SyscallException;

    /** Sends without raising SIGPIPE (MSG_NOSIGNAL where it exists); a gone peer gives EPIPE. */
    int send(int fd, byte[] data, int offset, int length, int flags) throws SyscallException;

    void shutdown(int fd, Shutdown how) throws SyscallException;

    void close(int fd) throws SyscallException;

    /** A blocking connect. */
    void connect(int fd, SockAddrIn address) throws SyscallException;

    /**
     * connect that gives up after {@code timeoutMillis} with ETIMEDOUT. The socket stays usable on success.
     */
    void connect(int fd, SockAddrIn address, int timeoutMillis) throws SyscallException;

    SockAddrIn getsockname(int fd) throws SyscallException;

    SockAddrIn getpeername(int fd) throws SyscallException;

    /**
     * Waits up to {@code timeoutMillis} for one handle. Returns the ready events ({@link SocketConstants#POLLIN}
     * and friends), or 0 on timeout.
     */
    int poll(int fd, int events, int timeoutMillis) throws SyscallException;
}
