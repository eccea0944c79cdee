package org.socketstage.ui.schematic;

import java.util.HashSet;
import java.util.Set;
import org.socketstage.event.ServerEvent;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;
import org.socketstage.ui.schematic.Envelope.Leg;
import org.socketstage.ui.schematic.Envelope.ServerEnd;
import org.socketstage.ui.schematic.Peer.ClientPhase;
import org.socketstage.ui.schematic.Peer.ServerPhase;

/**
 * What the kernel's TCP table adds: the queue's real count and limit, connections completed before any call
 * named them (outside clients), clients left in SYN_SENT because their SYN was dropped, half-open SYN_RECV rows,
 * and TIME_WAIT on whichever side closed first, until the kernel drops it.
 */
final class KernelRules {

    private final StageModel m;

    KernelRules(StageModel m) {
        this.m = m;
    }

    void apply(ServerEvent.KernelChanged k) {
        KernelSnapshot s = k.snapshot();
        Listener l = m.listener;
        l.kernelAvailable = s.available();
        if (!s.available()) {
            return;
        }
        CallRef ref = new CallRef(k);
        l.kernelPort = s.port();
        l.kernelLimit = s.effectiveLimit().orElse(-1);
        l.kernelQueued = s.acceptQueue().orElse(-1);
        long overflowsBefore = l.overflows;
        if (s.listenOverflows().isPresent()) {
            long now = s.listenOverflows().getAsLong();
            if (l.overflowBaseline < 0) {
                l.overflowBaseline = now;
            }
            l.overflows = Math.max(0, now - l.overflowBaseline);
        }
        Set<Long> clientSeen = new HashSet<>();
        Set<Long> serverSeen = new HashSet<>();
        // the clients' own rows first: they tell a built-in client's port before its getsockname() returns
        for (TcpSocketRow row : s.rows()) {
            if (row.state() != TcpState.LISTEN && row.localPort() != s.port() && row.remotePort() == s.port()) {
                clientRow(row, ref, clientSeen);
            }
        }
        for (TcpSocketRow row : s.rows()) {
            if (row.state() != TcpState.LISTEN && row.localPort() == s.port()) {
                serverRow(row, ref, serverSeen);
            }
        }
        for (Peer p : m.peers.values()) {
            if (!serverSeen.contains(p.id)) {
                p.serverRow = null;
                p.serverTimeWait = false;
            }
            if (!clientSeen.contains(p.id)) {
                p.clientRow = null;
                p.clientTimeWait = false;
                if (!p.builtIn() && p.client == ClientPhase.SYN_SENT && p.server == ServerPhase.NONE) {
                    p.client = ClientPhase.TIMED_OUT; // an outside client that gave up (or was stopped)
                }
            }
        }
        if (l.overflows > overflowsBefore) {
            dropOneSyn(ref);
        }
        m.sweep(k.seq());
    }

    private void clientRow(TcpSocketRow row, CallRef ref, Set<Long> seen) {
        String address = address(row.localHost(), row.localPort());
        Peer p = m.byInode(row.inode());
        if (p == null) {
            p = m.byAddress(address);
        }
        if (p == null) {
            if (row.state() != TcpState.SYN_SENT && row.state() != TcpState.ESTABLISHED) {
                return;
            }
            p = m.peerAt(address, ref);
        }
        if (p.address.isEmpty()) {
            m.addressKnown(p, address);
        }
        seen.add(p.id);
        p.clientRow = row.state();
        switch (row.state()) {
            case SYN_SENT -> {
                if (p.client == ClientPhase.UNSEEN || p.client == ClientPhase.CONNECTING) {
                    p.client = ClientPhase.SYN_SENT;
                    m.send(p, ref, Leg.toServer(PacketKind.SYN, ServerEnd.QUEUE).dropped());
                    m.say("schematic.say.synDropped", name(p));
                }
            }
            case ESTABLISHED -> {
                if (p.client == ClientPhase.UNSEEN || p.client == ClientPhase.SYN_SENT && !p.builtIn()) {
                    p.client = ClientPhase.CONNECTED;
                }
            }
            case TIME_WAIT -> p.clientTimeWait = true;
            default -> { }
        }
    }

    private void serverRow(TcpSocketRow row, CallRef ref, Set<Long> seen) {
        String address = address(row.remoteHost(), row.remotePort());
        Peer p = m.byAddress(address);
        if (p == null) {
            if (row.state() != TcpState.SYN_RECV && row.state() != TcpState.NEW_SYN_RECV
                    && row.state() != TcpState.ESTABLISHED) {
                return; // a connection from before this run, ending
            }
            p = m.peerAt(address, ref);
        }
        seen.add(p.id);
        p.serverRow = row.state();
        switch (row.state()) {
            case SYN_RECV, NEW_SYN_RECV -> halfOpen(p, ref);
            case ESTABLISHED -> {
                if (p.server == ServerPhase.NONE || p.server == ServerPhase.HALF_OPEN) {
                    if (!p.handshakeDrawn) {
                        p.handshakeDrawn = true;
                        if (p.server == ServerPhase.NONE) {
                            m.send(p, ref, Leg.toServer(PacketKind.SYN, ServerEnd.LISTENER),
                                    Leg.toClient(PacketKind.SYN_ACK, ServerEnd.LISTENER),
                                    Leg.toServer(PacketKind.ACK, ServerEnd.QUEUE));
                        } else {
                            m.send(p, ref, Leg.toServer(PacketKind.ACK, ServerEnd.QUEUE));
                        }
                    }
                    m.enqueue(p);
                    if (p.client == ClientPhase.UNSEEN) {
                        p.client = ClientPhase.CONNECTED;
                    }
                    m.say("schematic.say.queued", name(p));
                }
            }
            case TIME_WAIT -> p.serverTimeWait = true;
            default -> { }
        }
    }

    /** SYN_RECV: the kernel answered the SYN, the client's ACK has not made it into the queue. */
    private void halfOpen(Peer p, CallRef ref) {
        if (p.server == ServerPhase.QUEUED) {
            m.dequeue(p); // connect() returned, yet the server's side never got the final ACK
            p.server = ServerPhase.HALF_OPEN;
            m.send(p, ref, Leg.toServer(PacketKind.ACK, ServerEnd.QUEUE).dropped());
            m.say("schematic.say.ackDropped", name(p));
        } else if (p.server == ServerPhase.NONE) {
            p.server = ServerPhase.HALF_OPEN;
            if (!p.builtIn()) {
                m.send(p, ref, Leg.toServer(PacketKind.SYN, ServerEnd.LISTENER),
                        Leg.toClient(PacketKind.SYN_ACK, ServerEnd.LISTENER));
            }
        }
    }

    /** ListenOverflows rose: the kernel dropped a SYN; show it at one of the clients left waiting. */
    private void dropOneSyn(CallRef ref) {
        for (Peer p : m.peers.values()) {
            if (p.client == ClientPhase.SYN_SENT) {
                m.send(p, ref, Leg.toServer(PacketKind.SYN, ServerEnd.QUEUE).dropped());
                return;
            }
        }
    }

    private static String name(Peer p) {
        return p.builtIn() ? "client #" + p.clientNumber : p.address;
    }

    /** "127.0.0.1:51234" for IPv4 and IPv4-mapped rows, "[::1]:51234" for IPv6. */
    static String address(String host, int port) {
        String h = host.startsWith("::ffff:") && host.indexOf('.') > 0 ? host.substring(7) : host;
        return (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
    }
}
