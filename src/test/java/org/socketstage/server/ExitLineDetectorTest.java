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
}
