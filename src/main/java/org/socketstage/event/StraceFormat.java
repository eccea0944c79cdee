package org.socketstage.event;

import java.util.Map;
import java.util.TreeMap;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;

/** One strace-style line per event worth printing, prefixed by the actor: {@code [server] listen(3, 5) = 0}. */
public final class StraceFormat {

    /** The call name of the sockaddr_in stage's pseudo-call (the program fills the struct in its own memory). */
    public static final String SOCKADDR_FILL = "sockaddr_in";

    private StraceFormat() {}

    /** The line for this event, or null for events that print nothing (a call about to start). */
    public static String line(ServerEvent event) {
        if (event instanceof ServerEvent.CallStarted) {
            return null; // half of a class's events: no builder made for them (the spool asks for every event)
        }
        StringBuilder sb = new StringBuilder(128);
        return appendLine(sb, event, event.actor().label()) ? sb.toString() : null;
    }

    /**
     * Appends the line for this event (without a newline) to {@code sb}, with {@code actorLabel} as the prefix
     * (a caller printing many lines can keep each actor's label instead of writing it again); false, appending
     * nothing, for events that print nothing.
     */
    public static boolean appendLine(StringBuilder sb, ServerEvent event, String actorLabel) {
        if (event instanceof ServerEvent.CallReturned r) {
            sb.append('[').append(actorLabel).append("] ");
            // filling sockaddr_in is no system call; a client's getsockname() in the same stage is one, printed as strace does
            if (r.stage() == Step.SOCKADDR && !r.failed() && SOCKADDR_FILL.equals(r.call())) {
                sb.append("struct sockaddr_in addr = {").append(r.args().text()).append("};  /* ")
                        .append(hex(r.sockaddrBytes()))
                        .append(" -- not a system call: the program fills the struct in its own memory */");
                return true;
            }
            r.appendStraceText(sb);
            if (r.note() != null && !r.note().isBlank()) {
                sb.append("  /* ").append(r.note()).append(" */");
            }
            return true;
        }
        if (event instanceof ServerEvent.KernelChanged k) {
            sb.append('[').append(actorLabel).append("] ").append(kernelSummary(k.snapshot()));
            return true;
        }
        if (event instanceof ServerEvent.StateChanged s) {
            sb.append('[').append(actorLabel).append("] --- server ").append(s.state());
            if (s.detail() != null && !s.detail().isBlank()) {
                sb.append(": ").append(s.detail());
            }
            sb.append(" ---");
            return true;
        }
        if (event instanceof ServerEvent.Notice n) {
            sb.append('[').append(actorLabel).append("] --- ").append(n.text()).append(" ---");
            return true;
        }
        return false;
    }

    /**
     * True for a returned recv or send (a call whose arguments are a buffer): most of the lines a class's load
     * makes, and the ones {@link #appendCall} writes as bytes.
     */
    public static boolean isBufferCall(ServerEvent event) {
        return event instanceof ServerEvent.CallReturned r && r.args() instanceof CallArgs.Buffer
                && !SOCKADDR_FILL.equals(r.call());
    }

    /** Appends the actor's prefix every line starts with: {@code [conn 5 127.0.0.1:40404] }. */
    public static LineBytes appendPrefix(LineBytes out, String actorLabel) {
        return out.ascii('[').append(actorLabel).ascii(']').ascii(' ');
    }

    /**
     * Appends what {@link #appendLine} writes after the actor's prefix for a {@link #isBufferCall buffer call},
     * from the buffer's bytes: neither the arguments' text nor the line is made as a String.
     */
    public static void appendCall(LineBytes out, ServerEvent.CallReturned r) {
        r.appendStraceText(out);
        if (r.note() != null && !r.note().isBlank()) {
            out.append("  /* ").append(r.note()).append(" */");
        }
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "" : java.util.HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    /** {@code LISTEN 127.0.0.1:9090 accept-queue=3 limit=5 overflows=12; ESTABLISHED×3 TIME_WAIT×1}. */
    public static String kernelSummary(KernelSnapshot s) {
        if (!s.available()) {
            return s.unavailableReason();
        }
        StringBuilder sb = new StringBuilder();
        s.listenRow().ifPresentOrElse(
                l -> {
                    sb.append("LISTEN ").append(l.local());
                    s.acceptQueue().ifPresent(q -> sb.append(" accept-queue=").append(q));
                    s.effectiveLimit().ifPresent(q -> sb.append(" limit=").append(q));
                    s.listenOverflows().ifPresent(o -> sb.append(" overflows=").append(o));
                },
                () -> sb.append("no LISTEN socket on port ").append(s.port()));
        Map<TcpState, Integer> others = new TreeMap<>();
        for (TcpSocketRow r : s.rows()) {
            if (r.state() != TcpState.LISTEN) {
                others.merge(r.state(), 1, Integer::sum);
            }
        }
        if (!others.isEmpty()) {
            sb.append(";");
            others.forEach((state, n) -> sb.append(' ').append(state).append('×').append(n));
        }
        return sb.toString();
    }
}
