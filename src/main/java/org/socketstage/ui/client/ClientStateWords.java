package org.socketstage.ui.client;

import org.socketstage.ui.text.UiText;
import org.socketstage.client.ChatLine;
import org.socketstage.client.ClientErrnoText;
import org.socketstage.client.ClientRecord;
import org.socketstage.client.ClientState;
import org.socketstage.client.Segment;
import org.socketstage.kernel.TcpState;

/** Puts a client's state, and what the kernel and the server showed about it, into words for its card. */
final class ClientStateWords {

    private final UiText text;

    ClientStateWords(UiText text) {
        this.text = text;
    }

    String state(ClientRecord r) {
        if (r.state() == ClientState.FAILED && r.errno() != null) {
            return text.format("client.state.FAILED", r.errno().name());
        }
        return text.get("client.state." + r.state().name());
    }

    /** One or two plain sentences: what the state means for this client right now. */
    String detail(ClientRecord r) {
        return switch (r.state()) {
            case NOT_CONNECTED -> r.fd() >= 0 ? text.format("client.detail.notConnected", r.fd()) : "";
            case CONNECTING -> r.ownRow() == TcpState.SYN_SENT
                    ? text.get("client.detail.synSent")
                    : text.get("client.detail.connecting");
            case WAITING_IN_ACCEPT_QUEUE -> text.get("client.detail.waiting") + " " + serverSide(r);
            case ACCEPTED -> text.format("client.detail.accepted", r.acceptedBy());
            case CONNECTED_ACCEPT_UNKNOWN -> text.get("client.detail.unknown");
            case HALF_CLOSED -> text.get("client.detail.halfClosed");
            case CLOSED -> r.abortedWithReset() ? text.get("client.detail.aborted")
                    : r.peerClosedFirst() ? text.get("client.detail.peerClosed") : text.get("client.detail.closed");
            case FAILED -> r.errno() == null ? "" : text.format("client.detail.failed", r.failedCall(),
                    r.errno().straceText(), ClientErrnoText.sentence(r.errno()));
        };
    }

    private String serverSide(ClientRecord r) {
        if (r.serverRow() == TcpState.SYN_RECV || r.serverRow() == TcpState.NEW_SYN_RECV) {
            return text.format("client.detail.serverSynRecv", r.serverRow().name());
        }
        if (r.serverRow() == TcpState.ESTABLISHED) {
            return text.get("client.detail.serverEstablished");
        }
        return "";
    }

    /** A conversation line: direction and byte count, then the escaped bytes. */
    String chat(ChatLine line) {
        return switch (line.kind()) {
            case SENT -> text.format("client.chat.sent", line.bytes(), line.text());
            case RECEIVED -> text.format("client.chat.received", line.bytes(), line.text());
            case PEER_CLOSED -> text.get("client.chat.peerClosed");
        };
    }

    /** What the diagram writes beside the server's lifeline: queued, or accepted with its descriptor. */
    String serverSide(ClientState state, int acceptedBy) {
        return switch (state) {
            case WAITING_IN_ACCEPT_QUEUE -> text.get("client.diagram.queued");
            case ACCEPTED -> text.format("client.diagram.accepted", acceptedBy);
            case CONNECTED_ACCEPT_UNKNOWN -> text.get("client.diagram.unknown");
            default -> "";
        };
    }

    /** The arrow's label: "SYN", "data, 6 bytes", … */
    String segment(Segment s) {
        return s.kind() == Segment.Kind.DATA
                ? text.format("client.segment.DATA", s.bytes())
                : text.get("client.segment." + s.kind().name());
    }

    String note(Segment s) {
        return s.note() == Segment.Note.NONE ? "" : text.get("client.note." + s.note().name());
    }
}
