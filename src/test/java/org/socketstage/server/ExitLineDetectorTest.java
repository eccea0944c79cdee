package org.socketstage.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExitLineDetectorTest {

    private final ExitLineDetector detector = new ExitLineDetector();

    private int feed(String chunk) {
        byte[] b = chunk.getBytes(StandardCharsets.US_ASCII);
        return detector.feed(b, b.length);
    }

    @Test
    void findsExitWithUnixOrTelnetLineEnds() {
        assertThat(feed("exit\n")).isZero();
        assertThat(feed("exit\r\n")).isZero();
    }

    @Test
    void saysWhereTheExitLineStartsSoEarlierLinesAreStillEchoed() {
        assertThat(feed("hello\nexit\n")).isEqualTo(6);
    }

    @Test
    void findsAnExitLineSplitAcrossTwoChunks() {
        assertThat(feed("ex")).isEqualTo(-1);
        assertThat(feed("it\n")).isZero();
    }

    @Test
    void ignoresLinesThatOnlyContainExit() {
        assertThat(feed("exiting\n")).isEqualTo(-1);
        assertThat(feed("please exit\n")).isEqualTo(-1);
        assertThat(feed("exit")).as("no newline yet").isEqualTo(-1);
        assertThat(feed("exitexitexit\n")).isEqualTo(-1);
    }

    @Test
    void onlyOneCarriageReturnRightBeforeTheNewlineIsForgiven() {
        assertThat(feed("exit\r\r\n")).isEqualTo(-1);
        assertThat(feed("\rexit\n")).isEqualTo(-1);
        assertThat(feed("exi\rt\n")).isEqualTo(-1);
    }

    @Test
    void aLongLineOrOtherBytesDoNotSpillIntoTheNextLine() {
        assertThat(feed("12345678")).isEqualTo(-1);
        assertThat(feed("9exit\n")).as("the tail of a long line").isEqualTo(-1);
        byte[] high = {(byte) 0xe9, 'x', 'i', 't', '\n', 'e', 'x', 'i', 't', '\n'};
        assertThat(detector.feed(high, high.length)).isEqualTo(5);
        assertThat(detector.feed(high, 4)).as("only the length given is read").isEqualTo(-1);
    }
}
