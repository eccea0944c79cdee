package org.socketstage.ui.sockets;

import javafx.css.PseudoClass;

/** The life of one accepted connection as the sockets view draws it. */
public enum ConnectionState {
    /** accept() returned it; data may flow. */
    OPEN("⇄", "open"),
    /** recv() returned 0: the client closed its side. */
    PEER_CLOSED("⇠", "peer-closed"),
    /** A call on it failed (e.g. ECONNRESET). */
    FAILED("✖", "failed"),
    /** The server called close(); the kernel has not said yet what remains. */
    CLOSED("■", "closed"),
    /** Closed by the server first: the kernel keeps the address pair in TIME_WAIT for a while. */
    TIME_WAIT("◔", "time-wait"),
    /** The kernel no longer holds anything for it; the card fades out. */
    GONE("·", "gone");

    private final String icon;
    private final PseudoClass pseudoClass;

    ConnectionState(String icon, String pseudoClass) {
        this.icon = icon;
        this.pseudoClass = PseudoClass.getPseudoClass(pseudoClass);
    }

    public String icon() {
        return icon;
    }

    /** The card's pseudo-class for this state ({@code .conn-card:open}; see StateLook). */
    public PseudoClass pseudoClass() {
        return pseudoClass;
    }

    public boolean closedByServer() {
        return this == CLOSED || this == TIME_WAIT || this == GONE;
    }
}
