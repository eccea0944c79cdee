package org.socketstage.ui.schematic;

import java.util.List;

/**
 * One published picture of the stage: every figure with its text and tone, and the envelopes with their flight
 * times (nanoseconds of the ViewModel's clock). The view draws it; {@code animate} is false for a picture rebuilt
 * by the history scrubber, which must appear in its end state.
 *
 * @param motionNanos how long an object's own transition may take (0: end states only)
 */
public record StageFrame(
        ListenerFigure listener,
        QueueFigure queue,
        List<RowFigure> rows,
        GroupFigure group,
        List<EnvelopeFigure> envelopes,
        boolean animate,
        long motionNanos,
        String caption) {

    public StageFrame {
        rows = List.copyOf(rows);
        envelopes = List.copyOf(envelopes);
    }

    /** How a figure is coloured; each tone is one of the theme's looked-up colours. */
    public enum Tone { PLAIN, ACTIVE, OK, WARN, FAIL, DIM }

    public record ListenerFigure(boolean exists, String title, String address, String state, Tone tone) {}

    /**
     * The accept queue; {@code slots} is empty until listen() has opened it. {@code limit} is its second line: the
     * kernel's limit, or the backlog when the kernel is not read.
     */
    public record QueueFigure(boolean open, String title, String limit, String note, Tone noteTone,
            List<SlotFigure> slots) {
        public QueueFigure {
            slots = List.copyOf(slots);
        }
    }

    /** One place in the queue. {@code peerId} is the row of the waiting client, or 0 when empty or unnamed. */
    public record SlotFigure(int index, long peerId, String label, boolean filled) {}

    /**
     * One client and its connection. {@code connection} is a placeholder while the connection waits in the queue,
     * null while the server has nothing for it; {@code liftedFromSlot} is the slot accept() just took it from, or -1.
     */
    public record RowFigure(long id, SideFigure connection, SideFigure client, int liftedFromSlot) {}

    /** One side of a row; a {@code placeholder} stands where the server will have a socket after accept(). */
    public record SideFigure(String title, String line, Tone tone, boolean placeholder) {

        public SideFigure(String title, String line, Tone tone) {
            this(title, line, tone, false);
        }
    }

    /** The clients past the drawn rows, drawn as one. */
    public record GroupFigure(int count, String title, String line) {}

    /**
     * A packet between a row and the server's side. {@code rowId} is {@link StageModel#GROUP} for the group
     * row; {@code resting} marks the last packet of a row, drawn still after it landed.
     */
    public record EnvelopeFigure(long id, long rowId, long peerId, PacketKind kind, boolean toServer,
            Envelope.ServerEnd serverEnd, boolean dropped, String label, String shortLabel, int count, long launch,
            long duration, boolean resting) {

        public long lands() {
            return launch + duration;
        }
    }
}
