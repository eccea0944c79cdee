package org.socketstage.socket;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An errno value as students meet it: the number the kernel returned, its symbolic name and the
 * system's message text. Numbers differ between Linux and macOS; names do not.
 */
public record Errno(int number, String name, String message) {

    private record Known(String name, int linux, int macos, String text) {}

    private static final Known[] KNOWN = {
        new Known("EPERM", 1, 1, "Operation not permitted"),
        new Known("ENOENT", 2, 2, "No such file or directory"),
        new Known("EINTR", 4, 4, "Interrupted system call"),
        new Known("EIO", 5, 5, "Input/output error"),
        new Known("EBADF", 9, 9, "Bad file descriptor"),
        new Known("EAGAIN", 11, 35, "Resource temporarily unavailable"),
        new Known("ENOMEM", 12, 12, "Cannot allocate memory"),
        new Known("EACCES", 13, 13, "Permission denied"),
        new Known("EFAULT", 14, 14, "Bad address"),
        new Known("EINVAL", 22, 22, "Invalid argument"),
        new Known("ENFILE", 23, 23, "Too many open files in system"),
        new Known("EMFILE", 24, 24, "Too many open files"),
        new Known("EPIPE", 32, 32, "Broken pipe"),
        new Known("ENOTSOCK", 88, 38, "Socket operation on non-socket"),
        new Known("EDESTADDRREQ", 89, 39, "Destination address required"),
        new Known("EPROTOTYPE", 91, 41, "Protocol wrong type for socket"),
        new Known("ENOPROTOOPT", 92, 42, "Protocol not available"),
        new Known("EPROTONOSUPPORT", 93, 43, "Protocol not supported"),
        new Known("EOPNOTSUPP", 95, 45, "Operation not supported"),
        new Known("EAFNOSUPPORT", 97, 47, "Address family not supported by protocol"),
        new Known("EADDRINUSE", 98, 48, "Address already in use"),
        new Known("EADDRNOTAVAIL", 99, 49, "Cannot assign requested address"),
        new Known("ENETDOWN", 100, 50, "Network is down"),
        new Known("ENETUNREACH", 101, 51, "Network is unreachable"),
        new Known("ECONNABORTED", 103, 53, "Software caused connection abort"),
        new Known("ECONNRESET", 104, 54, "Connection reset by peer"),
        new Known("ENOBUFS", 105, 55, "No buffer space available"),
        new Known("EISCONN", 106, 56, "Transport endpoint is already connected"),
        new Known("ENOTCONN", 107, 57, "Transport endpoint is not connected"),
        new Known("ETIMEDOUT", 110, 60, "Connection timed out"),
        new Known("ECONNREFUSED", 111, 61, "Connection refused"),
        new Known("EHOSTDOWN", 112, 64, "Host is down"),
        new Known("EHOSTUNREACH", 113, 65, "No route to host"),
        new Known("EALREADY", 114, 37, "Operation already in progress"),
        new Known("EINPROGRESS", 115, 36, "Operation now in progress"),
    };

    private static final Map<Integer, Known> BY_NUMBER = new TreeMap<>();
    private static final Map<String, Known> BY_NAME = new TreeMap<>();

    static {
        boolean mac = Platform.current() == Platform.MACOS;
        for (Known k : KNOWN) {
            BY_NUMBER.put(mac ? k.macos : k.linux, k);
            BY_NAME.put(k.name, k);
        }
    }

    /** The errno with this number on the running system; unknown numbers get the name {@code E<number>}. */
    public static Errno of(int number) {
        Known k = BY_NUMBER.get(number);
        return k == null
                ? new Errno(number, "E" + number, "Unknown error " + number)
                : new Errno(number, k.name, k.text);
    }

    /** The errno with this number and the message the system gave for it. */
    public static Errno of(int number, String systemMessage) {
        Errno e = of(number);
        return systemMessage == null || systemMessage.isBlank() ? e : new Errno(number, e.name, systemMessage);
    }

    /** Looks an errno up by its symbolic name, with this system's number. */
    public static Optional<Errno> byName(String name) {
        Known k = BY_NAME.get(name);
        if (k == null) {
            return Optional.empty();
        }
        return Optional.of(of(Platform.current() == Platform.MACOS ? k.macos : k.linux));
    }

    /** All symbolic names this table knows, sorted. */
    public static java.util.Set<String> knownNames() {
        return java.util.Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /** strace's way of writing a failure: {@code EADDRINUSE (Address already in use)}. */
    public String straceText() {
        return name + " (" + message + ")";
    }

    @Override
    public String toString() {
        return straceText();
    }
}
