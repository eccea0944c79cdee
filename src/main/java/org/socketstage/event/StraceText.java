package org.socketstage.event;

/** Writes bytes the way strace shows a buffer: quoted, C escapes, cut to a readable length. */
public final class StraceText {

    public static final int DEFAULT_MAX = 64;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private StraceText() {}

    public static String quote(byte[] data) {
        return quote(data, 0, data == null ? 0 : data.length, DEFAULT_MAX);
    }

    public static String quote(byte[] data, int offset, int length, int max) {
        if (data == null) {
            return "NULL";
        }
        // room for a few escapes (a line's "\n") so the buffer is not copied to grow
        LineBytes out = new LineBytes(Math.min(length, max) + 16);
        appendQuoted(out, data, offset, length, max);
        return out.toString();
    }

    /** Appends what {@link #quote(byte[], int, int, int)} returns, straight into a line's bytes. */
    public static void appendQuoted(LineBytes out, byte[] data, int offset, int length, int max) {
        if (data == null) {
            out.append("NULL");
            return;
        }
        out.ascii('"');
        int shown = Math.min(length, max);
        for (int i = 0; i < shown; i++) {
            appendEscaped(out, data[offset + i]);
        }
        out.ascii('"');
        if (length > max) {
            out.append("...");
        }
    }

    /** Escapes without quotes and without cutting: for chat views and transcripts. */
    public static String escape(byte[] data) {
        LineBytes out = new LineBytes(data.length);
        appendEscaped(out, data);
        return out.toString();
    }

    /** Appends what {@link #escape(byte[])} returns, straight into a line's bytes. */
    public static void appendEscaped(LineBytes out, byte[] data) {
        for (byte b : data) {
            appendEscaped(out, b);
        }
    }

    /** One byte as strace shows it: printable ASCII as itself, C escapes, else \xNN (all ASCII). */
    private static void appendEscaped(LineBytes out, byte b) {
        int c = b & 0xff;
        switch (c) {
            case '\n' -> out.ascii('\\').ascii('n');
            case '\r' -> out.ascii('\\').ascii('r');
            case '\t' -> out.ascii('\\').ascii('t');
            case '"' -> out.ascii('\\').ascii('"');
            case '\\' -> out.ascii('\\').ascii('\\');
            default -> {
                if (c >= 0x20 && c < 0x7f) {
                    out.ascii((char) c);
                } else {
                    out.ascii('\\').ascii('x').ascii(HEX[c >>> 4]).ascii(HEX[c & 0xf]);
                }
            }
        }
    }
}
