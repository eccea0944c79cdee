package org.socketstage.ui.schematic;

/**
 * One packet on its way between a client's row and the server's side. While it flies, more of the same kind on
 * the same row in live mode are counted into it ({@code count}) instead of being drawn one by one.
 */
final class Envelope {

    enum Direction { TO_SERVER, TO_CLIENT }

    /** Which server-side figure the envelope starts or ends at. */
    enum ServerEnd { LISTENER, QUEUE, CONNECTION }

    /** DROPPED: the kernel threw the packet away (a SYN at a full queue). */
    enum Fate { ARRIVES, DROPPED }

    /**
     * What one call sends: the legs of a handshake, a data segment, FIN and its ACK. A data leg keeps the bytes
     * the call sent or received ({@code payload}, the event's own array, never changed): their preview text is
     * written only for an envelope that is drawn alone, not for the many a flood counts into one.
     */
    record Leg(PacketKind kind, Direction direction, ServerEnd end, Fate fate, long bytes, byte[] payload) {

        static Leg toServer(PacketKind kind, ServerEnd end) {
            return new Leg(kind, Direction.TO_SERVER, end, Fate.ARRIVES, 0, null);
        }

        static Leg toClient(PacketKind kind, ServerEnd end) {
            return new Leg(kind, Direction.TO_CLIENT, end, Fate.ARRIVES, 0, null);
        }

        static Leg data(Direction direction, ServerEnd end, long bytes, byte[] payload) {
            return new Leg(PacketKind.DATA, direction, end, Fate.ARRIVES, bytes, payload);
        }

        Leg dropped() {
            return new Leg(kind, direction, end, Fate.DROPPED, bytes, payload);
        }
    }

    final long id;
    final long rowId;
    final long peerId;
    final Leg leg;
    final CallRef cause;
    final long launch;
    long duration;
    int count = 1;
    long bytes;
    /** The payload's first characters, written when first asked for. */
    private String preview;

    Envelope(long id, long rowId, long peerId, Leg leg, CallRef cause, long launch, long duration) {
        this.id = id;
        this.rowId = rowId;
        this.peerId = peerId;
        this.leg = leg;
        this.cause = cause;
        this.launch = launch;
        this.duration = duration;
        this.bytes = leg.bytes();
    }

    /** The first characters of the data this envelope carries (empty for a packet with none). */
    String preview() {
        String p = preview;
        if (p == null) {
            p = ServerRules.preview(leg.payload());
            preview = p;
        }
        return p;
    }

    long end() {
        return launch + duration;
    }

    boolean sameRoute(long row, Leg other) {
        return rowId == row && leg.kind() == other.kind() && leg.direction() == other.direction()
                && leg.fate() == other.fate();
    }
}
