package org.socketstage.client;

/**
 * One arrow of the schematic sequence diagram between a client and its server. Built from the calls made and
 * the kernel states seen, not captured from the wire: the arrows show what TCP must have sent for those calls
 * to return as they did.
 *
 * @param bytes payload size for DATA, 0 otherwise
 */
public record Segment(Direction direction, Kind kind, int bytes, Note note) {

    public enum Direction { TO_SERVER, TO_CLIENT }

    public enum Kind { SYN, SYN_ACK, ACK, DATA, FIN, RST }

    /** What the calls and kernel tables add to an arrow. */
    public enum Note {
        NONE,
        /** The client sat in SYN_SENT: the server's accept queue was full and its kernel dropped the SYN. */
        UNANSWERED_QUEUE_FULL,
        /** connect() gave up: no SYN-ACK within the timeout. */
        TIMED_OUT,
        /** The server's kernel answered the SYN with RST: nothing listened on the port. */
        REFUSED,
        /** The client saw ESTABLISHED while the server side was still SYN_RECV: this ACK was dropped. */
        ACK_NOT_QUEUED,
        /** The server's recv() on this connection failed with ECONNRESET. */
        SERVER_SAW_ECONNRESET,
        /** The client's own call failed: the peer had reset the connection. */
        CLIENT_SAW_RESET
    }

    public static Segment toServer(Kind kind) {
        return new Segment(Direction.TO_SERVER, kind, 0, Note.NONE);
    }

    public static Segment toClient(Kind kind) {
        return new Segment(Direction.TO_CLIENT, kind, 0, Note.NONE);
    }

    public Segment withNote(Note newNote) {
        return new Segment(direction, kind, bytes, newNote);
    }
}
