package org.socketstage.server;

import java.util.Arrays;

/**
 * Finds a line that reads exactly {@code exit} in a byte stream that arrives in arbitrary chunks
 * (TCP keeps no message boundaries, so "ex" and "it\n" may come in two recv() calls).
 */
final class ExitLineDetector {

    private static final int KEEP = 8;
    private static final byte[] EXIT = {'e', 'x', 'i', 't'};
    /** The start of the current line, up to {@link #KEEP} bytes: enough to tell "exit" (or "exit\r") from others. */
    private final byte[] line = new byte[KEEP];
    private int length;
    private boolean tooLong;

    /**
     * Feeds one chunk. Returns -1 when no exit line ended in it; otherwise the index in the chunk where that
     * line started (0 if it started in an earlier chunk), so the bytes before it can still be echoed.
     */
    int feed(byte[] chunk, int chunkLength) {
        int lineStart = 0;
        for (int i = 0; i < chunkLength; i++) {
            byte b = chunk[i];
            if (b == '\n') {
                boolean exit = !tooLong && isExit();
                length = 0;
                tooLong = false;
                if (exit) {
                    return lineStart;
                }
                lineStart = i + 1;
            } else if (length < KEEP) {
                line[length++] = b;
            } else {
                tooLong = true;
            }
        }
        return -1;
    }

    /** The line so far reads "exit", with or without a carriage return before its newline. */
    private boolean isExit() {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return end == EXIT.length && Arrays.equals(line, 0, end, EXIT, 0, end);
    }
}
