package org.socketstage.ui.sockets;

import org.socketstage.ui.text.UiText;

/**
 * The warning line under the accept queue. What it presents as this server's comes from this server's own
 * rows: the queue at its limit, its clients in SYN_SENT, its half-open handshakes. TcpExt ListenOverflows is
 * added only as labelled context, because the counter is kept for the whole network namespace (every listener
 * there adds to it, and so does a final ACK dropped while a queue was full).
 */
final class QueueWarning {

    private QueueWarning() {}

    /** The line to show, or "" when there is nothing to warn about. */
    static String of(QueueCard q, UiText texts) {
        StringBuilder sb = new StringBuilder();
        if (q.full() && q.stuckClients().isEmpty()) {
            sb.append(texts.get("sockets.queue.full"));
        }
        if (!q.stuckClients().isEmpty()) {
            sb.append(texts.format("sockets.queue.stuck", q.stuckClients().size(), String.join(", ", q.stuckClients())));
        }
        if (q.full() && q.namespaceOverflowsRise() > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(texts.format("sockets.queue.overflows",
                    q.namespaceOverflowsRise()));
        }
        if (q.halfOpen() > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(texts.format("sockets.queue.halfOpen", q.halfOpen()));
        }
        return sb.length() == 0 ? "" : "⚠ " + sb;
    }
}
