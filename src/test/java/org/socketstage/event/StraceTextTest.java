package org.socketstage.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Buffers written as strace shows them, spelled out by hand (the printer and the formatter share this code). */
class StraceTextTest {

    private static final byte[] MIXED = {'h', 'i', '\n', '"', '\\', '\t', '\r', 1, (byte) 0x7f, (byte) 0xff, ' '};

    @Test
    void quoteEscapesAsStraceDoesAndCutsAtTheLimit() {
        assertThat(StraceText.quote(MIXED)).isEqualTo("\"hi\\n\\\"\\\\\\t\\r\\x01\\x7f\\xff \"");
        byte[] long70 = "x".repeat(70).getBytes(StandardCharsets.US_ASCII);
        assertThat(StraceText.quote(long70)).isEqualTo("\"" + "x".repeat(64) + "\"...");
        assertThat(StraceText.quote(MIXED, 2, 3, 2)).isEqualTo("\"\\n\\\"\"...");
        assertThat(StraceText.quote(null)).isEqualTo("NULL");
    }

    @Test
    void escapeHasNoQuotesAndNoCutAndTheBytesVersionIsTheSameText() {
        assertThat(StraceText.escape(MIXED)).isEqualTo("hi\\n\\\"\\\\\\t\\r\\x01\\x7f\\xff ");
        LineBytes out = new LineBytes(4);
        StraceText.appendQuoted(out, MIXED, 0, MIXED.length, 64);
        assertThat(out.toString()).isEqualTo(StraceText.quote(MIXED));
    }
}
