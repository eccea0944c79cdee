package org.socketstage.ui.schematic;

import java.util.Locale;

/** The TCP segments the stage draws. Each is inferred from a call or a kernel state, never captured. */
public enum PacketKind {
    SYN, SYN_ACK, ACK, DATA, FIN, RST;

    String styleClass() {
        return "schematic-packet-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
