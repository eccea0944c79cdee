package org.socketstage.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable buffer of UTF-8 bytes that trace lines are written into directly, so printing a line makes no
 * String on the way (a busy server prints two lines per echo).
 */
public final class LineBytes {

    private byte[] bytes;
    private int length;

    public LineBytes(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    public int length() {
        return length;
    }

    public byte[] array() {
        return bytes;
    }

    public void clear() {
        length = 0;
    }

    /** Keeps the first {@code n} bytes: undoes what was appended after a mark. */
    public void truncate(int n) {
        length = Math.min(length, Math.max(0, n));
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    /** Appends an ASCII character (callers pass only characters below 0x80). */
    public LineBytes ascii(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    public LineBytes append(byte[] utf8) {
        room(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
    }

    /** Appends text as UTF-8: byte per char while it is ASCII, the encoder for the rest. */
    public LineBytes append(CharSequence text) {
        int n = text.length();
        room(n);
        byte[] b = bytes;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // what is written so far stays; the rest goes through the encoder
                length = at;
                return append(text.subSequence(i, n).toString().getBytes(StandardCharsets.UTF_8));
            }
            b[at++] = (byte) c;
        }
        length = at;
        return this;
    }

    /** Appends a number in decimal, as {@link Long#toString(long)} writes it. */
    public LineBytes append(long value) {
        if (value < 0 || value > Integer.MAX_VALUE) {
            return append(Long.toString(value));
        }
        room(10);
        // ints: the compiler turns division by ten into a multiplication, which a long's does not get as cheaply
        int v = (int) value;
        int digits = 1;
        for (int limit = 10; digits < 10 && v >= limit; limit *= 10) {
            digits++;
        }
        int end = length + digits;
        for (int i = end - 1; i >= length; i--) {
            int q = v / 10;
            bytes[i] = (byte) ('0' + (v - q * 10));
            v = q;
        }
        length = end;
        return this;
    }

    /**
     * The bytes written so far as chars, in {@code into} or in a bigger array when it is short (keep the one
     * returned for next time); null when a byte is not ASCII (decode with {@link #toString()} then). For writers
     * that take chars: no String on the way.
     */
    public char[] asciiChars(char[] into) {
        char[] out = into.length >= length ? into : new char[Math.max(length, 2 * into.length)];
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                return null;
            }
            out[i] = (char) bytes[i];
        }
        return out;
    }

    /** The bytes written so far as text (for tests and messages). */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
