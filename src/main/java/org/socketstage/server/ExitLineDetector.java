package org.socketstage.server;

/**
 * Finds a line that reads exactly {@code exit} in a byte stream that arrives in arbitrary chunks
 * (TCP keeps no message boundaries, so "ex" and "it\n" may come in two recv() calls).
 */
final class ExitLineDetector {

    private static final int KEEP = 8;
    private final StringBuilder line = new StringBuilder(KEEP);
    private boolean tooLong;

    /**
     * Feeds one chunk. Returns -1 when no exit line ended in it; otherwise the index in the chunk where that
     * line started (0 if it started in an earlier chunk), so the bytes before it can still be echoed.
     */
    int feed(byte[] chunk, int length) {
        int lineStart = 0;
        for (int i = 0; i < length; i++) {
            byte b = chunk[i];
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                boolean exit = !tooLong && "exit".contentEquals(line);
                line.setLength(0);
                tooLong = false;
                if (exit) {
                    return lineStart;
                }
                lineStart = i + 1;
            } else if (line.length() < KEEP) {
                line.append((char) (b & 0xff));
            } else {
                tooLong = true;
            }
        }
        return -1;
    }
}
