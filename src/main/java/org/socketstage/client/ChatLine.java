package org.socketstage.client;

/**
 * One line of a client's conversation as the card shows it: what was sent or received, with the real byte
 * count and the bytes escaped so that a newline reads {@code \n} and a zero byte {@code \x00}.
 */
public record ChatLine(Kind kind, int bytes, String text) {

    public enum Kind {
        SENT,
        RECEIVED,
        /** recv() returned 0: the server closed its side. */
        PEER_CLOSED
    }
}
