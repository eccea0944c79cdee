package org.socketstage.event;

import java.util.Map;
import java.util.TreeMap;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;

/** One strace-style line per event worth printing, prefixed by the actor: {@code [server] listen(3, 5) = 0}. */
public final class StraceFormat {

    private StraceFormat() {}

    /** The line for this event, or null for events that print nothing (a call about to start). */
    public static String line(ServerEvent event) {
        String prefix = "[" + event.actor().label() + "] ";
        if (event instanceof ServerEvent.CallReturned r && r.stage() == Step.SOCKADDR && !r.failed()) {
            return prefix + "struct sockaddr_in addr = {" + r.args() + "};  /* " + hex(r.sockaddrBytes())
                    + " -- not a system call: the program fills the struct in its own memory */";
        }
        if (event instanceof ServerEvent.CallReturned r) {
            String note = r.note() == null || r.note().isBlank() ? "" : "  /* " + r.note() + " */";
            return prefix + r.straceText() + note;
        }
        if (event instanceof ServerEvent.KernelChanged k) {
            return prefix + kernelSummary(k.snapshot());
        }
        if (event instanceof ServerEvent.StateChanged s) {
            return prefix + "--- server " + s.state() + (s.detail() == null || s.detail().isBlank() ? "" : ": " + s.detail()) + " ---";
        }
        if (event instanceof ServerEvent.Notice n) {
            return prefix + "--- " + n.text() + " ---";
        }
        return null;
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
