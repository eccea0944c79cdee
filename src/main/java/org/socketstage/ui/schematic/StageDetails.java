package org.socketstage.ui.schematic;

import java.util.ArrayList;
import java.util.List;
import org.socketstage.ui.schematic.StageFrame.SideFigure;

/** The details card: what a clicked figure is, what the kernel says of it, and the call that made it. */
final class StageDetails {

    private final StageWords words;

    StageDetails(StageWords words) {
        this.words = words;
    }

    /** Details of the figure, or a line saying it is gone when the stage no longer has it. */
    Details of(StageModel m, FigureRef ref) {
        Details d = switch (ref.kind()) {
            case LISTENER -> listener(m.listener);
            case SLOT -> slot(m, (int) ref.id());
            case CONNECTION -> connection(m.peers.get(ref.id()));
            case CLIENT -> client(m.peers.get(ref.id()));
            case ENVELOPE -> envelope(m, m.envelopes.find(ref.id()));
            case GROUP -> group(m);
        };
        return d != null ? d : new Details(words.get("schematic.details.gone"), List.of());
    }

    private Details listener(Listener l) {
        if (!l.exists()) {
            return new Details(words.get("schematic.listener.none"), List.of(words.get("schematic.details.listener.none")));
        }
        List<String> lines = new ArrayList<>();
        lines.add(words.listenerState(l));
        if (!l.address.isEmpty()) {
            lines.add(words.format("schematic.details.address", l.address));
        }
        call(lines, "schematic.details.madeBy", l.socketCall);
        call(lines, "schematic.details.boundBy", l.bindCall);
        call(lines, "schematic.details.listenBy", l.listenCall);
        call(lines, "schematic.details.lastAccept", l.acceptCall);
        call(lines, "schematic.details.failedBy", l.failedCall);
        if (l.kernelAvailable && l.listening()) {
            lines.add(words.format("schematic.details.kernelQueue", Math.max(0, l.kernelQueued), l.kernelLimit, l.backlog));
        }
        return new Details(words.listenerTitle(l), lines);
    }

    private Details slot(StageModel m, int index) {
        Listener l = m.listener;
        if (index >= l.slots()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        lines.add(words.get("schematic.details.slot.what"));
        Peer p = index < m.queue.size() ? m.peers.get(m.queue.get(index)) : null;
        if (p != null) {
            lines.add(words.format("schematic.details.slot.holds", name(p)));
            call(lines, "schematic.details.slot.by", p.connectCall != null ? p.connectCall : p.madeBy);
        } else {
            lines.add(words.get(index < l.kernelQueued ? "schematic.details.slot.unnamed" : "schematic.details.slot.empty"));
        }
        return new Details(words.format("schematic.details.slot.title", index + 1, l.slots()), lines);
    }

    private Details connection(Peer p) {
        SideFigure side = p == null ? null : words.connection(p, -1);
        if (side == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        lines.add(side.line());
        if (side.placeholder()) {
            lines.add(words.get("schematic.details.conn.placeholder"));
        }
        lines.add(words.format("schematic.details.peer", name(p)));
        call(lines, "schematic.details.acceptBy", p.acceptCall);
        if (p.lastCall != p.acceptCall) {
            call(lines, "schematic.details.lastCall", p.lastCall);
        }
        lines.add(words.format("schematic.details.kernelRow", words.tcpState(p.serverTimeWait ? org.socketstage.kernel.TcpState.TIME_WAIT : p.serverRow)));
        return new Details(side.title(), lines);
    }

    private Details client(Peer p) {
        if (p == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        lines.add(words.client(p).line());
        lines.add(words.get(p.builtIn() ? "schematic.details.client.builtIn" : "schematic.details.client.outside"));
        call(lines, "schematic.details.madeBy", p.madeBy);
        call(lines, "schematic.details.connectBy", p.connectCall);
        if (p.lastCall != p.madeBy && p.lastCall != p.connectCall) {
            call(lines, "schematic.details.lastCall", p.lastCall);
        }
        if (p.clientRow != null || p.clientTimeWait) {
            lines.add(words.format("schematic.details.kernelRow", words.tcpState(p.clientTimeWait
                    ? org.socketstage.kernel.TcpState.TIME_WAIT : p.clientRow)));
        }
        return new Details(words.client(p).title(), lines);
    }

    private Details envelope(StageModel m, Envelope e) {
        if (e == null) {
            return null;
        }
        Peer p = m.peers.get(e.peerId);
        String who = p == null ? "?" : name(p);
        List<String> lines = new ArrayList<>();
        lines.add(words.format(e.leg.direction() == Envelope.Direction.TO_SERVER ? "schematic.details.env.toServer"
                : "schematic.details.env.toClient", who, words.get("schematic.end." + e.leg.end().name())));
        if (e.leg.fate() == Envelope.Fate.DROPPED) {
            lines.add(words.get("schematic.details.env.dropped"));
        }
        if (e.count > 1) {
            lines.add(words.format("schematic.details.env.count", e.count, e.bytes));
        } else if (e.leg.kind() == PacketKind.DATA) {
            lines.add(words.format("schematic.details.env.bytes", e.bytes, e.preview()));
        }
        call(lines, "schematic.details.env.cause", e.cause);
        lines.add(words.get("schematic.details.env.schematic"));
        return new Details(words.format("schematic.details.env.title", words.packet(e.leg.kind())), lines);
    }

    private Details group(StageModel m) {
        List<Peer> drawn = m.drawnPeers();
        int shown = m.shownRows(drawn.size());
        if (shown >= drawn.size()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (Peer p : drawn.subList(shown, Math.min(drawn.size(), shown + 12))) {
            lines.add(name(p) + " · " + words.client(p).line());
        }
        if (drawn.size() > shown + 12) {
            lines.add(words.format("schematic.details.group.more", drawn.size() - shown - 12));
        }
        return new Details(words.format("schematic.group.title", drawn.size() - shown), lines);
    }

    private String name(Peer p) {
        return p.builtIn() ? words.format("schematic.details.builtInName", p.clientNumber, p.address)
                : p.address;
    }

    private void call(List<String> lines, String key, CallRef ref) {
        if (ref == null) {
            return;
        }
        String text = ref.fromKernel() ? words.format("schematic.details.kernelEvidence", ref.seq()) : ref.text();
        lines.add(words.format(key, text));
    }
}
