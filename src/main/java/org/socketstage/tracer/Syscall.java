package org.socketstage.tracer;

import java.util.Locale;

/**
 * The system calls the tracer looks at. Everything else a traced program does runs without being decoded.
 * Some are shown (the socket calls), some only keep the tracer's idea of the open descriptors right
 * (dup, fcntl, close_range, execve), and some mark a process or thread starting or ending.
 */
enum Syscall {
    READ, WRITE, READV, WRITEV, CLOSE, CLOSE_RANGE, DUP, DUP2, DUP3, FCNTL,
    SOCKET, CONNECT, ACCEPT, ACCEPT4, SENDTO, RECVFROM, SENDMSG, RECVMSG, SHUTDOWN, BIND, LISTEN,
    GETSOCKNAME, SETSOCKOPT, GETSOCKOPT,
    POLL, PPOLL, SELECT, PSELECT6, EPOLL_WAIT, EPOLL_PWAIT, EPOLL_PWAIT2,
    CLONE, CLONE3, FORK, VFORK, EXECVE, EXECVEAT, EXIT, EXIT_GROUP;

    private final String callName = name().toLowerCase(Locale.ROOT);

    /** The name as strace and the man pages write it: {@code accept4}, {@code recvfrom}. */
    String callName() {
        return callName;
    }

    boolean waits() {
        return switch (this) {
            case POLL, PPOLL, SELECT, PSELECT6, EPOLL_WAIT, EPOLL_PWAIT, EPOLL_PWAIT2 -> true;
            default -> false;
        };
    }

    /** Calls whose first argument is a descriptor that is only shown when it is a socket. */
    boolean onAnyDescriptor() {
        return switch (this) {
            case READ, WRITE, READV, WRITEV, CLOSE -> true;
            default -> false;
        };
    }
}
