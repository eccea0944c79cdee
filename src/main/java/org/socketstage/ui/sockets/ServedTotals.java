package org.socketstage.ui.sockets;

/** What the server did in this run, including connections no longer drawn. */
public record ServedTotals(long accepted, long bytesIn, long bytesOut) {

    public static final ServedTotals NONE = new ServedTotals(0, 0, 0);
}
