package org.socketstage.ui;

/**
 * How far the X server is behind the window, counted in pulses. At each pulse's start the window notes the number
 * its next X request will carry; the server is too far behind when it has not yet handled every request sent before
 * the pulse {@code frames} pulses ago. X numbers requests in sequence and wraps, so numbers are compared by their
 * difference, as Xlib does.
 */
final class XRequestLag {

    private final long[] marks;
    private int next;
    private int noted;

    /** Allows the X server up to {@code frames} pulses of requests not yet handled (at least 1). */
    XRequestLag(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, not " + frames);
        }
        marks = new long[frames];
    }

    /**
     * True when {@code lastProcessed} (the last request the server is known to have handled) is before what was
     * sent by the start of the pulse {@code frames} pulses ago: then the window should wait for the server.
     */
    boolean tooFarBehind(long lastProcessed) {
        if (noted < marks.length) {
            return false;
        }
        long oldest = marks[next];
        return oldest - 1 - lastProcessed > 0;
    }

    /** A pulse starts; {@code nextRequest} is the number the window's next X request will carry. */
    void pulseStarts(long nextRequest) {
        marks[next] = nextRequest;
        next = (next + 1) % marks.length;
        if (noted < marks.length) {
            noted++;
        }
    }
}
