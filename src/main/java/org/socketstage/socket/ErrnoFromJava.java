package org.socketstage.socket;

import java.net.SocketTimeoutException;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NotYetConnectedException;
import java.util.List;

/**
 * Java reports socket failures as exceptions whose messages are the C library's strerror() texts, but
 * it drops the errno number. This recovers the errno by name from the exception, and every result says
 * in its note that it was inferred, so students are never told a guess is the kernel's answer.
 */
final class ErrnoFromJava {

    private record ByMessage(String text, String errno) {}

    /** Order matters: the more specific texts come first. */
    private static final List<ByMessage> MESSAGES = List.of(
            new ByMessage("Address already in use", "EADDRINUSE"),
            new ByMessage("Cannot assign requested address", "EADDRNOTAVAIL"),
            new ByMessage("Can't assign requested address", "EADDRNOTAVAIL"),
            new ByMessage("Permission denied", "EACCES"),
            new ByMessage("Connection refused", "ECONNREFUSED"),
            new ByMessage("Connection reset", "ECONNRESET"),
            new ByMessage("Broken pipe", "EPIPE"),
            new ByMessage("Connection timed out", "ETIMEDOUT"),
            new ByMessage("timed out", "ETIMEDOUT"),
            new ByMessage("Network is unreachable", "ENETUNREACH"),
            new ByMessage("No route to host", "EHOSTUNREACH"),
            new ByMessage("Too many open files", "EMFILE"),
            new ByMessage("Bad file descriptor", "EBADF"),
            new ByMessage("Socket is closed", "EBADF"),
            new ByMessage("Transport endpoint is not connected", "ENOTCONN"),
            new ByMessage("Invalid argument", "EINVAL"),
            new ByMessage("Software caused connection abort", "ECONNABORTED"));

    private ErrnoFromJava() {}

    static SyscallException failure(String call, Throwable ex) {
        String detail = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return new SyscallException(call, errno(name(ex)), false, "errno inferred from Java: " + detail);
    }

    /** A failure the java.nio backend decides itself, answering as the kernel would in that state. */
    static SyscallException asKernelWould(String call, String errnoName, String why) {
        return new SyscallException(call, errno(errnoName), false, "java.nio backend: " + why);
    }

    static String name(Throwable ex) {
        if (ex instanceof ClosedChannelException || ex instanceof ClosedSelectorException
                || ex instanceof CancelledKeyException) {
            return "EBADF";
        }
        if (ex instanceof SocketTimeoutException) {
            return "ETIMEDOUT";
        }
        if (ex instanceof AlreadyBoundException || ex instanceof IllegalArgumentException) {
            return "EINVAL";
        }
        if (ex instanceof AlreadyConnectedException) {
            return "EISCONN";
        }
        if (ex instanceof ConnectionPendingException) {
            return "EALREADY";
        }
        if (ex instanceof NotYetConnectedException) {
            return "ENOTCONN";
        }
        String message = ex.getMessage();
        if (message != null) {
            for (ByMessage m : MESSAGES) {
                if (message.contains(m.text())) {
                    return m.errno();
                }
            }
        }
        return "EIO";
    }

    private static Errno errno(String name) {
        return Errno.byName(name).orElseGet(() -> Errno.byName("EIO").orElseThrow());
    }
}
