package org.socketstage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrawingThreadsTest {

    // a real line of /proc/PID/task/TID/stat, cut after the fields used
    private static final String FX_LINE = "4242 (JavaFX Applicat) S 4100 4100 4100 0 -1 4194368 9120 0 3 0 1234 56 0 0 20 0";

    @Test
    void readsTheNameAndTheUserAndSystemTicks() {
        assertThat(DrawingThreads.nameOf(FX_LINE)).isEqualTo(DrawingThreads.FX);
        assertThat(EchoBenchmark.cpuTicksOf(FX_LINE)).isEqualTo(1234 + 56);
    }

    @Test
    void aNameWithParenthesesIsReadWhole() {
        String line = "7 (a (b) c) R 1 1 1 0 -1 0 0 0 0 0 10 5 0 0 20 0";
        assertThat(DrawingThreads.nameOf(line)).isEqualTo("a (b) c");
        assertThat(EchoBenchmark.cpuTicksOf(line)).isEqualTo(15);
    }

    @Test
    void sharesAreOfOneCoreOverTheSeconds() {
        long hz = EchoBenchmark.CLOCK_TICKS;
        DrawingThreads before = new DrawingThreads(0, 0);
        DrawingThreads after = new DrawingThreads(hz * 3, hz * 6); // 3 s and 6 s of CPU in 10 s
        assertThat(after.since(before, 10)).isEqualTo("FX thread 30 %, renderer 60 %");
    }
}
