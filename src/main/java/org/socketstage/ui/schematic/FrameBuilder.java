package org.socketstage.ui.schematic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.socketstage.ui.schematic.StageFrame.EnvelopeFigure;
import org.socketstage.ui.schematic.StageFrame.GroupFigure;
import org.socketstage.ui.schematic.StageFrame.ListenerFigure;
import org.socketstage.ui.schematic.StageFrame.QueueFigure;
import org.socketstage.ui.schematic.StageFrame.RowFigure;
import org.socketstage.ui.schematic.StageFrame.SlotFigure;
import org.socketstage.ui.schematic.StageFrame.Tone;

/** Turns the model into the picture the view draws. */
final class FrameBuilder {

    private final StageWords words;

    FrameBuilder(StageWords words) {
        this.words = words;
    }

    /**
     * @param liftsAfter accept()s after this event number are new in this picture and get their lift animation
     */
    StageFrame build(StageModel m, boolean animate, long motionNanos, long liftsAfter) {
        Listener l = m.listener;
        ListenerFigure listener = new ListenerFigure(l.exists(), words.listenerTitle(l), l.address,
                words.listenerState(l), StageWords.listenerTone(l));
        List<Peer> drawn = m.drawnPeers();
        int shown = m.shownRows(drawn.size());
        List<RowFigure> rows = new ArrayList<>(shown);
        Set<Long> rowIds = new HashSet<>();
        rowIds.add(StageModel.GROUP);
        for (int i = 0; i < shown; i++) {
            Peer p = drawn.get(i);
            int lift = animate && p.liftSeq > liftsAfter ? p.liftedFromSlot : -1;
            rows.add(new RowFigure(p.id, words.connection(p, m.queue.indexOf(p.id)), words.client(p), lift));
            rowIds.add(p.id);
        }
        GroupFigure group = shown < drawn.size() ? group(drawn.subList(shown, drawn.size())) : null;
        m.envelopes.keepRows(rowIds);
        return new StageFrame(listener, queue(m), rows, group, envelopes(m), animate, motionNanos,
                m.captionKey.isEmpty() ? "" : words.format(m.captionKey, m.captionArgs));
    }

    private QueueFigure queue(StageModel m) {
        Listener l = m.listener;
        int slots = l.slots();
        int waiting = Math.max(m.queue.size(), Math.max(0, l.kernelQueued));
        List<SlotFigure> figures = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            if (i < m.queue.size()) {
                Peer p = m.peers.get(m.queue.get(i));
                String port = p == null || p.address.isEmpty() ? "●" : Integer.toString(p.port());
                figures.add(new SlotFigure(i, p == null ? 0 : p.id, port, true));
            } else {
                figures.add(new SlotFigure(i, 0, i < waiting ? "●" : "", i < waiting));
            }
        }
        String note = "";
        Tone tone = Tone.PLAIN;
        long stuck = m.peers.values().stream().filter(p -> p.client == Peer.ClientPhase.SYN_SENT).count();
        long halfOpen = m.peers.values().stream().filter(p -> p.server == Peer.ServerPhase.HALF_OPEN).count();
        if (stuck > 0) {
            note = words.format("schematic.queue.stuck", stuck, l.overflows);
            tone = Tone.FAIL;
        } else if (l.listening() && slots > 0 && waiting >= slots) {
            note = words.get("schematic.queue.full");
            tone = Tone.WARN;
        }
        if (halfOpen > 0) {
            note = (note.isEmpty() ? "" : note + " ") + words.format("schematic.queue.halfOpen", halfOpen);
            tone = tone == Tone.PLAIN ? Tone.WARN : tone;
        }
        return new QueueFigure(l.listening(), words.queueTitle(l, waiting), words.queueLimit(l), note, tone, figures);
    }

    private GroupFigure group(List<Peer> rest) {
        int connected = 0;
        int queued = 0;
        int waiting = 0;
        for (Peer p : rest) {
            switch (p.server) {
                case ACCEPTED, PEER_CLOSED -> connected++;
                case QUEUED -> queued++;
                default -> {
                    if (p.client == Peer.ClientPhase.SYN_SENT) {
                        waiting++;
                    }
                }
            }
        }
        // short enough for a narrow column ("+27 more · 27 connected" was cut at 1280x800): the count in the
        // title, only the counts that are not zero below
        String title = words.format("schematic.group.title", rest.size());
        List<String> line = new ArrayList<>(3);
        if (connected > 0) {
            line.add(words.format("schematic.group.connected", connected));
        }
        if (queued > 0) {
            line.add(words.format("schematic.group.queued", queued));
        }
        if (waiting > 0) {
            line.add(words.format("schematic.group.synSent", waiting));
        }
        return new GroupFigure(rest.size(), title,
                line.isEmpty() ? words.get("schematic.group.details") : String.join(" · ", line));
    }

    private List<EnvelopeFigure> envelopes(StageModel m) {
        List<EnvelopeFigure> out = new ArrayList<>();
        for (Envelope e : m.envelopes.resting()) {
            out.add(figure(e, true));
        }
        for (Envelope e : m.envelopes.flying()) {
            out.add(figure(e, false));
        }
        return out;
    }

    private EnvelopeFigure figure(Envelope e, boolean resting) {
        return new EnvelopeFigure(e.id, e.rowId, e.peerId, e.leg.kind(),
                e.leg.direction() == Envelope.Direction.TO_SERVER, e.leg.end(),
                e.leg.fate() == Envelope.Fate.DROPPED, words.envelopeLabel(e), words.envelopeShortLabel(e), e.count,
                e.launch, e.duration, resting);
    }
}
