package org.socketstage.ui.schematic;

import org.socketstage.client.ClientNotices;
import org.socketstage.event.ServerEvent;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.ui.schematic.Envelope.Direction;
import org.socketstage.ui.schematic.Envelope.Leg;
import org.socketstage.ui.schematic.Envelope.ServerEnd;
import org.socketstage.ui.schematic.Peer.ClientPhase;
import org.socketstage.ui.schematic.Peer.ServerPhase;

/**
 * What a built-in client's calls imply: connect() sends the SYN and, when it returns, the SYN-ACK and ACK have
 * passed and the connection waits in the queue; send() carries data; close() sends FIN, or RST after SO_LINGER 0;
 * ECONNREFUSED is the kernel's RST answer to a SYN nobody listens for.
 */
final class ClientRules {

    private final StageModel m;

    ClientRules(StageModel m) {
        this.m = m;
    }

    void apply(ServerEvent e) {
        if (e instanceof ServerEvent.Notice n) {
            notice(n);
            return;
        }
        if (e instanceof ServerEvent.CallReturned r && "socket".equals(r.call())) {
            created(r);
            return;
        }
        Peer p = m.byClientFd(e.actor().fd());
        if (p == null) {
            return;
        }
        if (e instanceof ServerEvent.CallStarted s && "connect".equals(s.call())) {
            connecting(p, s);
        } else if (e instanceof ServerEvent.CallReturned r) {
            p.lastCall = new CallRef(r);
            returned(p, r);
        }
    }

    private void notice(ServerEvent.Notice n) {
        if (ClientNotices.isRemoved(n.text())) {
            Peer p = m.builtIn(ClientNotices.numberOf(n.text()).getAsInt());
            if (p != null) {
                p.removedFromPanel = true;
                if (p.failedConnect() || p.client == ClientPhase.OPENED) {
                    m.remove(p);
                }
            }
            return;
        }
        Peer p = m.byClientFd(n.actor().fd());
        if (p != null) {
            ClientNotices.inodeOf(n.text()).ifPresent(inode -> p.inode = inode);
        }
    }

    private void created(ServerEvent.CallReturned r) {
        int number = ClientNotices.numberOf(r.note()).orElse(-1);
        if (number < 0 || r.failed()) {
            return;
        }
        Peer old = m.builtIn(number);
        if (old != null) {
            m.remove(old);
        }
        Peer p = m.newPeer(number, ClientPhase.OPENED, new CallRef(r));
        m.clientFd(p, (int) r.result());
        m.say("schematic.say.clientSocket", number, p.clientFd);
    }

    private void connecting(Peer p, ServerEvent.CallStarted s) {
        CallRef ref = new CallRef(s);
        p.client = ClientPhase.CONNECTING;
        p.connectCall = ref;
        p.lastCall = ref;
        SockAddrIn target = s.args().target();
        int port = m.listener.port();
        p.elsewhere = target != null && port > 0 && target.port() != port;
        m.send(p, ref, Leg.toServer(PacketKind.SYN, ServerEnd.LISTENER));
        m.say("schematic.say.connect", p.clientNumber, target == null ? "?" : target.toString());
    }

    private void returned(Peer p, ServerEvent.CallReturned r) {
        CallRef ref = p.lastCall;
        switch (r.call()) {
            case "connect" -> connected(p, r, ref);
            case "getsockname" -> {
                if (!r.failed() && r.address() != null) {
                    m.addressKnown(p, r.address().toString());
                }
            }
            case "send" -> {
                if (!r.failed() && r.result() > 0) {
                    m.send(p, ref, Leg.data(Direction.TO_SERVER, towardServer(p), r.result(), r.data()));
                    if (!m.live) {
                        m.say("schematic.say.clientSend", p.clientNumber, r.result());
                    }
                }
            }
            case "recv" -> {
                if (r.failed() && "ECONNRESET".equals(r.errno().name())) {
                    p.reset = true;
                }
            }
            case "shutdown" -> {
                if (!r.failed()) {
                    p.client = ClientPhase.HALF_CLOSED;
                    finFromClient(p, ref);
                }
            }
            case "setsockopt" -> p.lingerZero = r.args().lingerZero();
            case "close" -> closed(p, r, ref);
            default -> { }
        }
    }

    private void connected(Peer p, ServerEvent.CallReturned r, CallRef ref) {
        p.connectCall = ref;
        if (r.failed()) {
            p.errno = r.errno();
            switch (r.errno().name()) {
                case "ECONNREFUSED" -> {
                    p.client = ClientPhase.REFUSED;
                    m.send(p, ref, Leg.toClient(PacketKind.RST, ServerEnd.LISTENER));
                    m.say("schematic.say.refused", p.clientNumber);
                }
                case "ETIMEDOUT" -> {
                    p.client = ClientPhase.TIMED_OUT;
                    m.say("schematic.say.timedOut", p.clientNumber);
                }
                default -> {
                    p.client = ClientPhase.FAILED;
                    m.say("schematic.say.clientFailed", p.clientNumber, r.call(), r.errno().name());
                }
            }
            return;
        }
        boolean retried = p.client == ClientPhase.SYN_SENT;
        p.client = ClientPhase.CONNECTED;
        if (!p.handshakeDrawn) {
            p.handshakeDrawn = true;
            m.send(p, ref, Leg.toClient(PacketKind.SYN_ACK, ServerEnd.LISTENER), Leg.toServer(PacketKind.ACK, ServerEnd.QUEUE));
        }
        if ((p.server == ServerPhase.NONE || p.server == ServerPhase.HALF_OPEN) && m.listener.listening()) {
            m.enqueue(p);
        }
        m.say(retried ? "schematic.say.connectedAfterRetry" : "schematic.say.connected", p.clientNumber);
    }

    private void closed(Peer p, ServerEvent.CallReturned r, CallRef ref) {
        if (r.failed()) {
            return;
        }
        boolean open = p.client == ClientPhase.CONNECTED || p.client == ClientPhase.HALF_CLOSED;
        if (open && p.lingerZero) {
            m.send(p, ref, Leg.toServer(PacketKind.RST, towardServer(p)));
            p.reset = true;
            m.say("schematic.say.clientAbort", p.clientNumber);
        } else if (open) {
            finFromClient(p, ref);
            m.say("schematic.say.clientClose", p.clientNumber);
        }
        if (!p.failedConnect() && p.client != ClientPhase.FAILED) {
            p.client = ClientPhase.CLOSED;
        }
        m.clientFd(p, -1);
        m.sideClosed(p, r.seq());
    }

    private void finFromClient(Peer p, CallRef ref) {
        if (!p.clientFinSent) {
            m.send(p, ref, Leg.toServer(PacketKind.FIN, towardServer(p)), Leg.toClient(PacketKind.ACK, towardServer(p)));
            p.clientFinSent = true;
        }
    }

    /** Before accept() the connection is still in the queue: whatever the client sends waits there. */
    private static ServerEnd towardServer(Peer p) {
        return p.server == ServerPhase.QUEUED ? ServerEnd.QUEUE
                : p.server == ServerPhase.NONE ? ServerEnd.LISTENER : ServerEnd.CONNECTION;
    }
}
