package org.socketstage.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LineBytesTest {

    @Test
    void numbersAreWrittenAsLongToStringWritesThem() {
        long[] values = {0, 7, 9, 10, 99, 100, 1023, 1024, 99_999, 1_000_000_000, 999_999_999, Integer.MAX_VALUE,
            Integer.MAX_VALUE + 1L, -1, -104, Long.MIN_VALUE, Long.MAX_VALUE};
        LineBytes out = new LineBytes(4);
        StringBuilder expected = new StringBuilder();
        for (long v : values) {
            out.append(v).ascii(' ');
            expected.append(v).append(' ');
        }
        assertThat(out.toString()).isEqualTo(expected.toString());
    }

    @Test
    void textPastAsciiIsUtf8AndTheBufferGrows() {
        LineBytes out = new LineBytes(16);
        String text = "ESTABLISHED×3 “quoted” é and a long tail to make the buffer grow past its start";
        out.append("[server] ").append(text).append(new StringBuilder("×")).ascii('\n');
        byte[] expected = ("[server] " + text + "×\n").getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.copyOf(out.array(), out.length())).isEqualTo(expected);
        out.truncate(9);
        assertThat(out.toString()).isEqualTo("[server] ");
    }

    @Test
    void asciiBytesComeOutAsCharsInTheArrayGivenOrABiggerOne() {
        LineBytes out = new LineBytes(8);
        out.append("recv(5, \"hi\\n\", 4096, 0)");
        char[] small = new char[4];
        char[] chars = out.asciiChars(small);
        assertThat(chars).isNotSameAs(small);
        assertThat(new String(chars, 0, out.length())).isEqualTo("recv(5, \"hi\\n\", 4096, 0)");
        char[] big = new char[64];
        assertThat(out.asciiChars(big)).isSameAs(big);
        out.append(" /* café */");
        assertThat(out.asciiChars(big)).as("not all ASCII: the caller decodes").isNull();
    }
}
