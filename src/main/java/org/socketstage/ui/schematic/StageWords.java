package org.socketstage.ui.schematic;

import org.socketstage.kernel.TcpState;
import org.socketstage.ui.schematic.StageFrame.SideFigure;
import org.socketstage.ui.schematic.StageFrame.Tone;
import org.socketstage.ui.text.UiText;

/** The words on the stage's figures and envelopes, from the bundle's {@code schematic.*} block. */
final class StageWords {

    private final UiText text;

    StageWords(UiText text) {
        this.text = text;
    }

    String get(String key) {
        return text.get(key);
    }

    /** Numbers go in as text: an fd, a port or a byte count is never written "51,234". */
    String format(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? String.valueOf(n) : args[i];
        }
        return text.format(key, plain);
    }

    String listenerTitle(Listener l) {
        if (!l.exists()) {
            return get("schematic.listener.none");
        }
        return l.listening() || l.phase == Listener.Phase.CLOSED
                ? format("schematic.listener.title", l.fd) : format("schematic.socket.title", l.fd);
    }

    String listenerState(Listener l) {
        if (l.errno != null) {
            String simulated = l.simulated ? " (" + get("common.simulated") + ")" : "";
            return format("schematic.listener.failed", l.failedAt.label(), l.errno.name()) + simulated;
        }
        String options = l.reuseAddr ? " · SO_REUSEADDR" : "";
        return switch (l.phase) {
            case NONE -> get("schematic.listener.noneLine");
            case CREATED -> get("schematic.listener.created") + options;
            case BOUND -> get("schematic.listener.bound") + options;
            case LISTENING -> get("schematic.listener.listening") + acceptState(l);
            case CLOSED -> get("schematic.listener.closed");
        };
    }

    private String acceptState(Listener l) {
        if (!l.accepting) {
            return "";
        }
        return l.heldReason == null ? " · " + get("schematic.listener.accepting")
                : " · " + format("schematic.listener.acceptHeld", l.heldReason);
    }

    static Tone listenerTone(Listener l) {
        if (l.errno != null) {
            return Tone.FAIL;
        }
        return switch (l.phase) {
            case LISTENING -> Tone.OK;
            case CREATED, BOUND -> Tone.ACTIVE;
            case CLOSED -> Tone.DIM;
            case NONE -> Tone.PLAIN;
        };
    }

    /** "accept queue 2/6": the title stays one short line, whatever the numbers; the limit goes below it. */
    String queueTitle(Listener l, int waiting) {
        return l.listening() ? format("schematic.queue.title", waiting, l.slots()) : get("schematic.queue.name");
    }

    String queueLimit(Listener l) {
        if (!l.listening()) {
            return get("schematic.queue.closed");
        }
        return l.kernelLimit >= 0 ? format("schematic.queue.limitKernel", l.kernelLimit)
                : format("schematic.queue.limitBacklog", l.backlog);
    }

    /**
     * Server side of a row: its connected socket, a placeholder while the kernel holds it (queued, or half-open),
     * null while the server has nothing for this client.
     *
     * @param slot the queue slot the connection waits in, or -1
     */
    SideFigure connection(Peer p, int slot) {
        if (p.server == Peer.ServerPhase.QUEUED) {
            return new SideFigure(slot >= 0 ? format("schematic.conn.queued", slot + 1) : get("schematic.conn.queuedNoSlot"),
                    get("schematic.conn.queued.line"), Tone.DIM, true);
        }
        if (p.server == Peer.ServerPhase.HALF_OPEN) {
            return new SideFigure(get("schematic.conn.halfOpen"), get("schematic.conn.halfOpen.line"), Tone.WARN, true);
        }
        if (p.server == Peer.ServerPhase.CLOSED) {
            return p.serverTimeWait ? new SideFigure(get("schematic.conn.timeWait"), get("schematic.conn.timeWait.line"), Tone.DIM)
                    : new SideFigure(get("schematic.conn.closed"),
                            p.address + (p.reset ? " · " + get("schematic.conn.reset") : ""), Tone.DIM);
        }
        if (p.server != Peer.ServerPhase.ACCEPTED && p.server != Peer.ServerPhase.PEER_CLOSED) {
            return null;
        }
        String title = format("schematic.conn.title", p.serverFd, p.address);
        String counts = format("schematic.conn.bytes", p.bytesIn, p.bytesOut);
        if (p.reset) {
            return new SideFigure(title, counts + " · " + get("schematic.conn.reset"), Tone.FAIL);
        }
        if (p.server == Peer.ServerPhase.PEER_CLOSED) {
            return new SideFigure(title, counts + " · " + get("schematic.conn.peerClosed"), Tone.WARN);
        }
        return new SideFigure(title, counts, Tone.OK);
    }

    /**
     * A client: who it is on the first line (the client panel's number and fd, or an outside client's address),
     * its state alone on the second, so both stay whole in a narrow column. The details name the rest.
     */
    SideFigure client(Peer p) {
        String title = p.builtIn()
                ? (p.clientFd >= 0 ? format("schematic.client.title", p.clientNumber, p.clientFd)
                        : format("schematic.client.titleNoFd", p.clientNumber))
                : p.address.isEmpty() ? get("schematic.client.outside") : p.address;
        return switch (p.client) {
            case OPENED -> new SideFigure(title, get("schematic.client.opened"), Tone.PLAIN);
            case CONNECTING -> new SideFigure(title, get("schematic.client.connecting"), Tone.ACTIVE);
            case SYN_SENT -> new SideFigure(title, get("schematic.client.synSent"), Tone.WARN);
            case CONNECTED, UNSEEN -> connectedClient(p, title);
            case HALF_CLOSED -> new SideFigure(title, get("schematic.client.halfClosed"), Tone.ACTIVE);
            case CLOSED -> p.clientTimeWait
                    ? new SideFigure(title, get("schematic.client.timeWait"), Tone.DIM)
                    : new SideFigure(title, get(p.reset ? "schematic.client.reset" : "schematic.client.closed"), Tone.DIM);
            case REFUSED -> new SideFigure(title, get("schematic.client.refused"), Tone.FAIL);
            case TIMED_OUT -> new SideFigure(title, get("schematic.client.timedOut"), Tone.FAIL);
            case FAILED -> new SideFigure(title, format("schematic.client.failed",
                    p.errno == null ? "?" : p.errno.name()), Tone.FAIL);
        };
    }

    private SideFigure connectedClient(Peer p, String title) {
        if (p.reset) {
            return new SideFigure(title, get("schematic.client.reset"), Tone.FAIL);
        }
        if (p.clientTimeWait) {
            return new SideFigure(title, get("schematic.client.timeWait"), Tone.DIM);
        }
        return switch (p.server) {
            case QUEUED -> new SideFigure(title, get("schematic.client.queued"), Tone.ACTIVE);
            case HALF_OPEN -> new SideFigure(title, p.client == Peer.ClientPhase.CONNECTED && p.builtIn()
                    ? get("schematic.client.ackDropped") : get("schematic.client.halfOpen"), Tone.WARN);
            case ACCEPTED -> new SideFigure(title, format("schematic.client.accepted", p.serverFd), Tone.OK);
            case PEER_CLOSED, CLOSED -> new SideFigure(title, get("schematic.client.closing"), Tone.DIM);
            case NONE -> new SideFigure(title, get("schematic.client.connected"), Tone.OK);
        };
    }

    String envelopeLabel(Envelope e) {
        String kind = packet(e.leg.kind());
        if (e.leg.fate() == Envelope.Fate.DROPPED) {
            return format("schematic.env.dropped", kind);
        }
        if (e.count > 1) {
            if (e.leg.kind() == PacketKind.DATA) {
                return format(e.leg.direction() == Envelope.Direction.TO_CLIENT ? "schematic.env.echoes"
                        : "schematic.env.lines", e.count, e.bytes);
            }
            return format("schematic.env.many", e.count, kind);
        }
        if (e.leg.kind() == PacketKind.DATA) {
            return e.preview().isEmpty() ? format("schematic.env.data", e.bytes)
                    : format("schematic.env.dataText", e.bytes, e.preview());
        }
        return kind;
    }

    /**
     * The envelope's words where its full label does not fit between the columns (a narrow window, a long
     * count): the count without the bytes, the bytes without the text.
     */
    String envelopeShortLabel(Envelope e) {
        if (e.leg.fate() != Envelope.Fate.DROPPED && e.leg.kind() == PacketKind.DATA) {
            if (e.count > 1) {
                return format(e.leg.direction() == Envelope.Direction.TO_CLIENT ? "schematic.env.echoes.short"
                        : "schematic.env.lines.short", e.count);
            }
            return format("schematic.env.data", e.bytes);
        }
        return envelopeLabel(e);
    }

    String packet(PacketKind kind) {
        return get("schematic.packet." + kind.name());
    }

    String tcpState(TcpState state) {
        return state == null ? get("schematic.kernel.noRow") : state.name();
    }
}
