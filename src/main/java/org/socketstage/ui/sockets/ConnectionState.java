package org.socketstage.ui.sockets;

/** The life of one accepted connection as the sockets view draws it. */
public enum ConnectionState {
    /** accept() returned it; data may flow. */
    OPEN("⇄", "conn-open"),
    /** recv() returned 0: the client closed its side. */
    PEER_CLOSED("⇠", "conn-peer-closed"),
    /** A call on it failed (e.g. ECONNRESET). */
    FAILED("✖", "conn-failed"),
    /** The server called close(); the kernel has not said yet what remains. */
    CLOSED("■", "conn-closed"),
    /** Closed by the server first: the kernel keeps the address pair in TIME_WAIT for a while. */
    TIME_WAIT("◔", "conn-time-wait"),
    /** The kernel no longer holds anything for it; the card fades out. */
    GONE("·", "conn-gone");

    private final String icon;
    private final String styleClass;

    ConnectionState(String icon, String styleClass) {
        this.icon = icon;
        this.styleClass = styleClass;
    }

    public String icon() {
        return icon;
    }

    public String styleClass() {
        return styleClass;
    }

    public boolean closedByServer() {
        return this == CLOSED || this == TIME_WAIT || this == GONE;
    }
}
