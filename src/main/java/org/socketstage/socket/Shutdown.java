package org.socketstage.socket;

/** The {@code how} argument of shutdown(2). */
public enum Shutdown {
    SHUT_RD(0),
    SHUT_WR(1),
    SHUT_RDWR(2);

    private final int value;

    Shutdown(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
