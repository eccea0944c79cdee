package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The views' refresh rate, on the pulse's own clock (synthetic times here: no waiting, no wall clock). */
class RefreshCadenceTest {

    private static final long FRAME = 16_666_667L;
    private final RefreshCadence cadence = new RefreshCadence();

    @Test
    void eventsComingOneByOneShowInTheNextFrame() {
        long now = 1_000_000_000L;
        for (int i = 0; i < 100; i++) {
            assertThat(cadence.due(now)).isTrue();
            cadence.delivered(now, 1); // 60 events a second: a student typing, step or run mode
            now += FRAME;
        }
        assertThat(cadence.busy()).isFalse();
    }

    @Test
    void underAClassLoadTheViewsRefreshTenTimesASecond() {
        long now = 1_000_000_000L;
        cadence.delivered(now, 1);
        now += FRAME;
        cadence.delivered(now, 25); // 25 events in a frame: 1,500 a second
        assertThat(cadence.busy()).isTrue();
        int deliveries = 0;
        long end = now + 1_000_000_000L;
        while (now < end) {
            now += FRAME;
            if (cadence.due(now)) {
                deliveries++;
                cadence.delivered(now, 150);
            }
        }
        // at least 100 ms apart on a 60 Hz clock: every sixth frame, ten in a second (sixty without the cadence)
        assertThat(deliveries).isEqualTo(10);
    }

    @Test
    void viewsThatFellBehindKeepTheCadenceAndCatchUpInBiggerBatches() {
        // catching up every frame cost a layout per frame, which is what made the views fall behind
        long now = 1_000_000_000L;
        cadence.delivered(now, 1);
        now += FRAME;
        cadence.delivered(now, 200);
        assertThat(cadence.due(now + FRAME)).isFalse();
        assertThat(cadence.due(now + RefreshCadence.BUSY_INTERVAL_NANOS)).isTrue();
    }

    @Test
    void whenTheLoadStopsTheNextEventShowsAtOnce() {
        long now = 1_000_000_000L;
        cadence.delivered(now, 1);
        cadence.delivered(now + FRAME, 100);
        assertThat(cadence.due(now + 2 * FRAME)).isFalse();
        cadence.reset(); // the pump slept: nothing came for a while
        assertThat(cadence.due(now + 2 * FRAME)).isTrue();
        // a light rate after a busy spell returns to every frame
        cadence.delivered(now + 10 * FRAME, 2);
        cadence.delivered(now + 20 * FRAME, 2);
        assertThat(cadence.busy()).isFalse();
    }
}
