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
        // room for a few escapes (a line's "\n") so the builder is not copied to grow
        StringBuilder sb = new StringBuilder(Math.min(length, max) + 16).append('"');
        int shown = Math.min(length, max);
        for (int i = 0; i < shown; i++) {
            appendEscaped(sb, data[offset + i]);
        }
        sb.append('"');
        if (length > max) {
            sb.append("...");
        }
        return sb.toString();
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
            int c = data[offset + i] & 0xff;
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
        out.ascii('"');
        if (length > max) {
            out.append("...");
        }
    }

    /** Escapes without quotes and without cutting: for chat views and transcripts. */
    public static String escape(byte[] data) {
        StringBuilder sb = new StringBuilder(data.length);
        for (byte b : data) {
            appendEscaped(sb, b);
        }
        return sb.toString();
    }

    private static void appendEscaped(StringBuilder sb, byte b) {
        int c = b & 0xff;
        switch (c) {
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case '"' -> sb.append("\\\"");
            case '\\' -> sb.append("\\\\");
            default -> {
                if (c >= 0x20 && c < 0x7f) {
                    sb.append((char) c);
                } else {
                    sb.append('\\').append('x').append(HEX[c >>> 4]).append(HEX[c & 0xf]);
                }
            }
        }
    }
}
