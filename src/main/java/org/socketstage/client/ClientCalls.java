package org.socketstage.client;

import org.socketstage.client.Segment.Kind;
import org.socketstage.event.CallArgs;
import org.socketstage.client.Segment.Note;
import org.socketstage.kernel.TcpState;
import org.socketstage.event.ServerEvent;
import org.socketstage.socket.SockAddrIn;

/**
 * What each returned client call, accept() result and kernel row means for one client's card: its state, its
 * chat and the arrows of its sequence diagram. Kept apart from {@link ClientTracker}, which only routes events.
 */
final class ClientCalls {

    private ClientCalls() {}

    /** connect() has started: the SYN is on its way, to the address in its arguments. */
    static void connecting(ClientRecord rec, CallArgs args) {
        rec.state = ClientState.CONNECTING;
        rec.addSegment(Segment.toServer(Kind.SYN));
        if (args.target() != null) {
            rec.target = args.target();
        }
    }

    static void returned(ClientRecord rec, ServerEvent.CallReturned r, AppServerView server) {
        ClientCall call = ClientCall.byName(r.call());
        if (call == null) {
            return;
        }
        if (r.failed()) {
            failed(rec, call, r);
            return;
        }
        switch (call) {
            case CONNECT -> connected(rec, r, server);
            case GETSOCKNAME -> {
                rec.local = r.address();
                int fd = server.acceptedFd(rec.local);
                if (fd >= 0) {
                    accepted(rec, fd);
                }
            }
            case SEND -> {
                int n = (int) r.result();
                rec.bytesSent += n;
                rec.addChat(new ChatLine(ChatLine.Kind.SENT, n, ClientTracker.escaped(r.data())));
                rec.addSegment(new Segment(Segment.Direction.TO_SERVER, Kind.DATA, n, Note.NONE));
            }
            case RECV -> received(rec, r);
            case SHUTDOWN -> {
                rec.state = ClientState.HALF_CLOSED;
                finArrived(rec);
            }
            case SETSOCKOPT -> rec.lingerZero = r.args().lingerZero();
            case CLOSE -> closed(rec);
            default -> { }
        }
    }

    private static void connected(ClientRecord rec, ServerEvent.CallReturned r, AppServerView server) {
        rec.target = r.address();
        rec.addSegment(Segment.toClient(Kind.SYN_ACK));
        rec.addSegment(Segment.toServer(Kind.ACK));
        if (rec.acceptedBy >= 0) {
            rec.state = ClientState.ACCEPTED;
        } else {
            rec.state = server.isTarget(rec.target)
                    ? ClientState.WAITING_IN_ACCEPT_QUEUE
                    : ClientState.CONNECTED_ACCEPT_UNKNOWN;
        }
        kernelSeen(rec);
    }

    private static void received(ClientRecord rec, ServerEvent.CallReturned r) {
        int n = (int) r.result();
        if (n > 0) {
            rec.bytesReceived += n;
            rec.addChat(new ChatLine(ChatLine.Kind.RECEIVED, n, ClientTracker.escaped(r.data())));
            rec.addSegment(new Segment(Segment.Direction.TO_CLIENT, Kind.DATA, n, Note.NONE));
            return;
        }
        rec.addChat(new ChatLine(ChatLine.Kind.PEER_CLOSED, 0, ""));
        rec.peerClosedFirst = true;
        if (!rec.finReceived) {
            rec.finReceived = true;
            rec.addSegment(Segment.toClient(Kind.FIN));
            rec.addSegment(Segment.toServer(Kind.ACK));
        }
    }

    private static void failed(ClientRecord rec, ClientCall call, ServerEvent.CallReturned r) {
        if (call == ClientCall.CLOSE || call == ClientCall.GETSOCKNAME || call == ClientCall.SETSOCKOPT) {
            return; // the card keeps its state; the trace line shows the error
        }
        rec.state = ClientState.FAILED;
        rec.errno = r.errno();
        rec.failedCall = r.call();
        String name = r.errno().name();
        if (call == ClientCall.CONNECT) {
            rec.target = r.address();
            switch (name) {
                case "ECONNREFUSED" -> rec.addSegment(Segment.toClient(Kind.RST).withNote(Note.REFUSED));
                case "ETIMEDOUT" -> rec.noteLast(Kind.SYN, Note.TIMED_OUT);
                default -> { }
            }
        } else if (name.equals("ECONNRESET") || name.equals("EPIPE")) {
            if (!rec.hasSegment(Kind.RST, Segment.Direction.TO_CLIENT)) {
                rec.addSegment(Segment.toClient(Kind.RST).withNote(Note.CLIENT_SAW_RESET));
            }
        }
    }

    private static void closed(ClientRecord rec) {
        if (rec.lingerZero) {
            // the server's recv() may fail before this close() is even published: both come from one RST
            rec.addSegment(Segment.toServer(Kind.RST)
                    .withNote(rec.serverSawReset ? Note.SERVER_SAW_ECONNRESET : Note.NONE));
        } else if (!rec.finSent && rec.target != null && rec.state != ClientState.FAILED) {
            rec.addSegment(Segment.toServer(Kind.FIN));
            rec.addSegment(Segment.toClient(Kind.ACK));
        }
        rec.finSent = true;
        if (rec.state != ClientState.FAILED) {
            rec.state = ClientState.CLOSED;
        }
    }

    /** The client's FIN went out and the server's kernel ACKed it; drawn once, whichever event tells first. */
    static void finArrived(ClientRecord rec) {
        if (!rec.finSent) {
            rec.finSent = true;
            rec.addSegment(Segment.toServer(Kind.FIN));
            rec.addSegment(Segment.toClient(Kind.ACK));
        }
    }

    static void accepted(ClientRecord rec, int serverFd) {
        rec.acceptedBy = serverFd;
        if (rec.state == ClientState.WAITING_IN_ACCEPT_QUEUE || rec.state == ClientState.CONNECTED_ACCEPT_UNKNOWN) {
            rec.state = ClientState.ACCEPTED;
        }
    }

    /** The server closed its end of this client's connection: its kernel sends FIN, the client's kernel ACKs. */
    static void serverClosed(ClientRecord rec) {
        if (!rec.finReceived && !rec.lingerZero && rec.state != ClientState.FAILED) {
            rec.finReceived = true;
            rec.addSegment(Segment.toClient(Kind.FIN));
            rec.addSegment(Segment.toServer(Kind.ACK));
        }
    }

    static void kernelSeen(ClientRecord rec) {
        if (rec.state == ClientState.CONNECTING && rec.ownRow == TcpState.SYN_SENT) {
            rec.noteLast(Kind.SYN, Note.UNANSWERED_QUEUE_FULL);
        }
        boolean serverHalfOpen = rec.serverRow == TcpState.SYN_RECV || rec.serverRow == TcpState.NEW_SYN_RECV;
        if (rec.state.connected() && serverHalfOpen) {
            rec.noteLast(Kind.ACK, Note.ACK_NOT_QUEUED);
        }
    }
}
