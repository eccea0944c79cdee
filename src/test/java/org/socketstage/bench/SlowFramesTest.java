package org.socketstage.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlowFramesTest {

    private static final String SLOW = "SLOW (the probe started 30000 ms after the JVM) 100:40 2000:25 5000:30";

    @Test
    void readsWhenTheProbeStartedAndEachSlowFrame() {
        SlowFrames f = SlowFrames.parse(SLOW);
        assertThat(f.probeStartUptimeMillis()).isEqualTo(30_000);
        assertThat(f.frames()).hasSize(3);
        assertThat(f.frames().get(1)).containsExactly(2000, 25);
        assertThat(SlowFrames.parse("SLOW (the probe started 5 ms after the JVM) ").frames()).isEmpty();
        assertThatThrownBy(() -> SlowFrames.parse("FRAMES 1 2 3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFrameCountsWhenAPauseFallsInsideItOrSpansIt() {
        SlowFrames f = SlowFrames.parse(SLOW);
        // the frames span 30060-30100, 31975-32000 and 34970-35000 ms of uptime
        List<GcPauses.Pause> pauses = List.of(
                new GcPauses.Pause(30_070, 12),   // ends inside the first frame
                new GcPauses.Pause(31_960, 10),   // ends 15 ms before the second frame began: not in it
                new GcPauses.Pause(35_020, 60));  // began before the third frame and ended after it
        assertThat(f.duringPauses(pauses)).isEqualTo(2);
        assertThat(f.describe(pauses)).isEqualTo(
                "3 frames over 20 ms, 2 of them during a collector pause (3 pauses in the phase, 82 ms in all); 0 of 50 ms"
                        + " or more, 0 of them during a pause");
    }

    @Test
    void theLongFramesAreCountedApartWithThePausesInThem() {
        // frames span 30040-30100 (60 ms), 30475-30500 and 30930-31000 (70 ms); one pause ends in the first
        SlowFrames f = SlowFrames.parse("SLOW (the probe started 30000 ms after the JVM) 100:60 500:25 1000:70");
        List<GcPauses.Pause> pauses = List.of(new GcPauses.Pause(30_050, 8), new GcPauses.Pause(30_490, 5));
        assertThat(f.atLeast(50).frames()).extracting(frame -> frame[1]).containsExactly(60L, 70L);
        assertThat(f.describe(pauses)).endsWith("; 2 of 50 ms or more, 1 of them during a pause")
                .startsWith("3 frames over 20 ms, 2 of them during a collector pause");
    }

    @Test
    void thePhaseHasThePausesFromTheProbesStartOn() {
        SlowFrames f = SlowFrames.parse(SLOW);
        List<GcPauses.Pause> all = List.of(new GcPauses.Pause(29_000, 5), new GcPauses.Pause(31_000, 5),
                new GcPauses.Pause(70_000, 5));
        assertThat(f.pausesOfPhase(all, 60_000)).containsExactly(new GcPauses.Pause(31_000, 5));
    }
}
