package org.socketstage.ui.schematic;

import java.nio.charset.StandardCharsets;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.ui.schematic.Envelope.Direction;
import org.socketstage.ui.schematic.Envelope.Leg;
import org.socketstage.ui.schematic.Envelope.ServerEnd;

/**
 * What the server's own calls do on the stage: socket() makes the socket, bind() labels it, listen() opens the
 * queue, accept() lifts a connection out of it, recv()/send() move data and close() sends FIN.
 */
final class ServerRules {

    private final StageModel m;

    ServerRules(StageModel m) {
        this.m = m;
    }

    void apply(ServerEvent e) {
        if (e instanceof ServerEvent.StateChanged s) {
            if (s.actor().kind() == Actor.Kind.SERVER && s.state() == ServerState.RUNNING && m.listener.exists()) {
                m.newRun();
            } else if (s.state() == ServerState.STOPPED || s.state() == ServerState.FAILED) {
                m.listener.accepting = false;
            }
        } else if (e instanceof ServerEvent.CallStarted c) {
            started(c);
        } else if (e instanceof ServerEvent.CallHeld h && h.stage() == Step.ACCEPT) {
            m.listener.heldReason = h.reason();
        } else if (e instanceof ServerEvent.CallReturned r) {
            if (r.actor().kind() == Actor.Kind.SERVER) {
                listenerCall(r);
            } else {
                connectionCall(r);
            }
        }
    }

    private void started(ServerEvent.CallStarted c) {
        if (c.actor().kind() != Actor.Kind.SERVER) {
            return;
        }
        Listener l = m.listener;
        switch (c.stage()) {
            case SOCKET -> {
                if (l.exists()) {
                    m.newRun();
                }
            }
            case LISTEN -> l.backlog = c.args().backlog().orElse(l.backlog);
            case ACCEPT -> {
                l.accepting = true;
                l.heldReason = null;
                m.say("schematic.say.accepting", l.fd);
            }
            default -> { }
        }
    }

    private void listenerCall(ServerEvent.CallReturned r) {
        Listener l = m.listener;
        CallRef ref = new CallRef(r);
        if (r.failed() && r.stage() != Step.ACCEPT) {
            l.errno = r.errno();
            l.failedAt = r.stage();
            l.simulated = r.simulated();
            l.failedCall = ref;
            m.say("schematic.say.failed", r.call(), r.errno().name());
            return;
        }
        switch (r.stage()) {
            case SOCKET -> {
                l.fd = (int) r.result();
                l.phase = Listener.Phase.CREATED;
                l.socketCall = ref;
                m.say("schematic.say.socket", l.fd);
            }
            case SETSOCKOPT -> l.reuseAddr |= r.args().text().contains("SO_REUSEADDR");
            case BIND -> bound(l, r, ref);
            case LISTEN -> {
                l.phase = Listener.Phase.LISTENING;
                l.listenCall = ref;
                m.say("schematic.say.listen", l.backlog, l.limit() + 1);
            }
            case ACCEPT -> {
                l.accepting = false;
                l.heldReason = null;
                l.acceptCall = ref;
                if (r.failed()) {
                    l.failedCall = ref;
                    m.say("schematic.say.acceptFailed", r.errno().name());
                } else {
                    accepted(r, ref);
                }
            }
            case CLOSE_LISTENER -> {
                l.phase = Listener.Phase.CLOSED;
                l.accepting = false;
                m.queue.clear();
                m.say("schematic.say.closeListener", l.fd);
            }
            default -> { }
        }
    }

    private void bound(Listener l, ServerEvent.CallReturned r, CallRef ref) {
        if (r.address() == null) {
            return;
        }
        boolean kernelsPick = "getsockname".equals(r.call());
        if (!kernelsPick) {
            l.phase = Listener.Phase.BOUND;
            l.bindCall = ref;
        }
        if (kernelsPick || r.address().port() != 0 || l.address.isEmpty()) {
            l.address = r.address().toString();
            l.boundPort = r.address().port();
        }
        m.say("schematic.say.bind", l.address);
    }

    private void accepted(ServerEvent.CallReturned r, CallRef ref) {
        String address = r.address() == null ? "" : r.address().toString();
        Peer p = address.isEmpty() ? m.newPeer(-1, Peer.ClientPhase.UNSEEN, ref) : m.peerAt(address, ref);
        p.liftedFromSlot = m.dequeue(p);
        if (m.listener.kernelQueued > 0) {
            m.listener.kernelQueued--; // the kernel's count drops with accept(); its next table will say so too
        }
        p.liftSeq = r.seq();
        if (!p.handshakeDrawn) {
            // done by the kernel before the table was read: the handshake must have happened
            p.handshakeDrawn = true;
            m.send(p, ref, Leg.toServer(PacketKind.SYN, ServerEnd.LISTENER),
                    Leg.toClient(PacketKind.SYN_ACK, ServerEnd.LISTENER), Leg.toServer(PacketKind.ACK, ServerEnd.QUEUE));
        }
        p.server = Peer.ServerPhase.ACCEPTED;
        p.serverFd = (int) r.result();
        p.acceptCall = ref;
        p.lastCall = ref;
        if (p.client == Peer.ClientPhase.UNSEEN) {
            p.client = Peer.ClientPhase.CONNECTED;
        }
        m.say("schematic.say.accept", address, p.serverFd);
    }

    private void connectionCall(ServerEvent.CallReturned r) {
        CallRef ref = new CallRef(r);
        Peer p = m.byServerFd(r.actor().fd());
        if (p == null && r.actor().peer() != null) {
            p = m.peerAt(r.actor().peer().toString(), ref);
            p.server = Peer.ServerPhase.ACCEPTED;
            p.serverFd = r.actor().fd();
        }
        if (p == null) {
            return;
        }
        p.lastCall = ref;
        switch (r.stage()) {
            case RECV -> received(p, r, ref);
            case SEND -> {
                if (!r.failed() && r.result() > 0) {
                    p.bytesOut += r.result();
                    m.send(p, ref, Leg.data(Direction.TO_CLIENT, ServerEnd.CONNECTION, r.result(), r.data()));
                    sayData("schematic.say.send", p, r.result());
                } else if (r.failed()) {
                    m.say("schematic.say.connFailed", r.call(), r.errno().name());
                }
            }
            case CLOSE_CLIENT -> {
                if (r.failed()) {
                    return;
                }
                if (!p.reset && !p.serverFinSent) {
                    m.send(p, ref, Leg.toClient(PacketKind.FIN, ServerEnd.CONNECTION),
                            Leg.toServer(PacketKind.ACK, ServerEnd.CONNECTION));
                }
                p.serverFinSent = true;
                p.server = Peer.ServerPhase.CLOSED;
                p.serverFd = -1;
                m.say(p.clientFinSent ? "schematic.say.closeSecond" : "schematic.say.closeFirst", r.actor().fd());
                m.sideClosed(p, r.seq());
            }
            default -> { }
        }
    }

    private void received(Peer p, ServerEvent.CallReturned r, CallRef ref) {
        if (r.failed()) {
            if ("ECONNRESET".equals(r.errno().name())) {
                if (!p.reset) {
                    m.send(p, ref, Leg.toServer(PacketKind.RST, ServerEnd.CONNECTION));
                }
                p.reset = true;
                m.say("schematic.say.reset", r.actor().fd());
            } else {
                m.say("schematic.say.connFailed", r.call(), r.errno().name());
            }
            return;
        }
        if (r.result() > 0) {
            p.bytesIn += r.result();
            if (!p.builtIn()) {
                // a built-in client's own send() already sent this envelope
                m.send(p, ref, Leg.data(Direction.TO_SERVER, ServerEnd.CONNECTION, r.result(), r.data()));
            }
            sayData("schematic.say.recv", p, r.result());
            return;
        }
        p.server = Peer.ServerPhase.PEER_CLOSED;
        if (!p.clientFinSent) {
            m.send(p, ref, Leg.toServer(PacketKind.FIN, ServerEnd.CONNECTION),
                    Leg.toClient(PacketKind.ACK, ServerEnd.CONNECTION));
            p.clientFinSent = true;
        }
        m.say("schematic.say.peerClosed", r.actor().fd());
    }

    private void sayData(String key, Peer p, long bytes) {
        if (!m.live) {
            m.say(key, p.serverFd, bytes);
        }
    }

    /** The first characters of a payload, with newlines and other control bytes written as escapes. */
    static String preview(byte[] data) {
        if (data == null || data.length == 0) {
            return "";
        }
        int n = Math.min(data.length, 12);
        // made only for an envelope drawn alone (see Envelope.preview): one builder, no string per character
        StringBuilder sb = new StringBuilder(n + 4);
        String text = new String(data, 0, n, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 || c == '\uFFFD' ? '·' : c);
            }
        }
        if (data.length > n) {
            sb.append('…');
        }
        return sb.toString();
    }
}
