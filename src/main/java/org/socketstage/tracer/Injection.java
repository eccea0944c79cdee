package org.socketstage.tracer;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.socketstage.socket.Errno;

/**
 * A fault to inject into a traced program: the {@code nth} call named {@code call} fails with {@code errno}
 * without reaching the kernel, or (SHORT_SEND) the nth send takes only half of its bytes. Written on the
 * command line as {@code CALL=ERRNO[@N]} or {@code send=short[@N]}.
 *
 * <p>{@code call} is a system call name ({@code accept4}, {@code recvfrom}, {@code write}) or one of the
 * textbook names that cover several: {@code accept} (accept, accept4), {@code recv} (recvfrom, recvmsg, and
 * read/readv on a socket), {@code send} (sendto, sendmsg, write/writev on a socket).
 */
public record Injection(String call, Kind kind, Errno errno, int nth) {

    public enum Kind { ERRNO, SHORT_SEND }

    private static final Map<String, Set<String>> FAMILIES = Map.of(
            "accept", Set.of("accept", "accept4"),
            "recv", Set.of("recvfrom", "recvmsg", "read", "readv"),
            "send", Set.of("sendto", "sendmsg", "write", "writev"));

    /** The call names an injection may name. */
    public static final Set<String> CALLS = Set.of("socket", "setsockopt", "getsockopt", "bind", "listen", "accept",
            "accept4", "connect", "recv", "recvfrom", "recvmsg", "read", "readv", "send", "sendto", "sendmsg", "write",
            "writev", "shutdown", "close", "getsockname");

    public static Injection errno(String call, Errno errno, int nth) {
        return new Injection(call, Kind.ERRNO, errno, nth);
    }

    public static Injection shortSend(int nth) {
        return new Injection("send", Kind.SHORT_SEND, null, nth);
    }

    /** True when a call of this system call name is one this injection counts. */
    boolean names(String syscallName) {
        return call.equals(syscallName) || FAMILIES.getOrDefault(call, Set.of()).contains(syscallName);
    }

    /** Reads {@code CALL=ERRNO[@N]}; throws IllegalArgumentException with a message naming what is accepted. */
    public static Injection parse(String text) {
        String t = text == null ? "" : text.trim();
        int eq = t.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected CALL=ERRNO[@N], e.g. bind=EADDRINUSE or accept=EINTR@2 (got \""
                    + text + "\")");
        }
        String call = t.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String rest = t.substring(eq + 1).trim();
        int nth = 1;
        int at = rest.indexOf('@');
        if (at >= 0) {
            String n = rest.substring(at + 1).trim();
            try {
                nth = Integer.parseInt(n);
            } catch (NumberFormatException e) {
                nth = 0;
            }
            if (nth < 1) {
                throw new IllegalArgumentException("the number after @ must be 1 or more (got \"" + n + "\" in \"" + text + "\")");
            }
            rest = rest.substring(0, at).trim();
        }
        if (!CALLS.contains(call)) {
            throw new IllegalArgumentException("unknown call \"" + call + "\" in \"" + text + "\"; known: "
                    + String.join(", ", new java.util.TreeSet<>(CALLS)));
        }
        if (rest.equalsIgnoreCase("short")) {
            if (!Set.of("send", "sendto", "write").contains(call)) {
                throw new IllegalArgumentException("\"short\" applies to send, sendto or write (got \"" + text + "\")");
            }
            return new Injection(call, Kind.SHORT_SEND, null, nth);
        }
        String errnoText = rest;
        Errno errno = Errno.byName(errnoText.toUpperCase(Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                "unknown errno \"" + errnoText
                + "\" in \"" + text + "\"; known: " + String.join(", ", Errno.knownNames()) + ", or short for a send"));
        return new Injection(call, Kind.ERRNO, errno, nth);
    }

    /** {@code bind=EADDRINUSE@1}. */
    @Override
    public String toString() {
        return call + "=" + (kind == Kind.SHORT_SEND ? "short" : errno.name()) + "@" + nth;
    }
}
