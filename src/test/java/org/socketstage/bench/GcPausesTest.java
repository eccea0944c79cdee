package org.socketstage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcPausesTest {

    @Test
    void countsAndAddsUpThePausesOfAGcLog() {
        GcPauses p = GcPauses.parse(List.of(
                "[0.011s][info][gc] Using G1",
                "[26.636s][info][gc] GC(28) Pause Young (Normal) (G1 Evacuation Pause) 61M->6M(96M) 1.769ms",
                "[27.409s][info][gc] GC(29) Pause Young (Normal) (G1 Evacuation Pause) 61M->6M(96M) 3.481ms",
                "[27.973s][info][gc] GC(38) Pause Cleanup 20M->20M(41M) 0.073ms",
                "[27.975s][info][gc] GC(38) Concurrent Mark Cycle 61.643ms"));
        // the concurrent cycle runs beside the program: not a pause
        assertThat(p.count()).isEqualTo(3);
        assertThat(p.millis()).isCloseTo(5.323, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p).hasToString("3 GC pauses, 5 ms");
    }

    @Test
    void givesEachPauseWithWhenItEnded() {
        List<GcPauses.Pause> p = GcPauses.each(List.of(
                "[0.011s][info][gc] Using G1",
                "[39.642s][info][gc] GC(15) Pause Young (Normal) (G1 Evacuation Pause) 77M->48M(96M) 11.692ms",
                "[60.235s][info][gc] GC(21) Pause Remark 54M->53M(96M) 29.228ms",
                "[60.281s][info][gc] GC(21) Concurrent Mark Cycle 195.505ms"));
        assertThat(p).containsExactly(new GcPauses.Pause(39_642, 11.692), new GcPauses.Pause(60_235, 29.228));
    }

    @Test
    void aLogWithoutPausesHasNone() {
        assertThat(GcPauses.parse(List.of("[0.011s][info][gc] Using G1"))).isEqualTo(new GcPauses(0, 0));
    }
}
