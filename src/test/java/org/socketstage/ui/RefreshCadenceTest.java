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

    @Test
    void aRefreshThatCostMuchDelaysTheNextByThreeTimesItsCost() {
        // fifty students connect at once: one refresh's CSS and layout took 200 ms of the FX thread
        long now = 1_000_000_000L;
        cadence.delivered(now, 1);
        now += FRAME;
        cadence.delivered(now, 400);
        cadence.tookToShow(200_000_000L);
        assertThat(cadence.due(now + RefreshCadence.BUSY_INTERVAL_NANOS)).isFalse();
        assertThat(cadence.due(now + 600_000_000L - 1)).isFalse();
        assertThat(cadence.due(now + 600_000_000L)).isTrue();
    }

    @Test
    void evenAVeryCostlyRefreshLetsTheNextComeWithinASecond() {
        long now = 1_000_000_000L;
        cadence.delivered(now, 500);
        cadence.tookToShow(2_000_000_000L); // a machine so busy that one refresh took two seconds
        assertThat(cadence.due(now + RefreshCadence.MAX_SPACING_NANOS - 1)).isFalse();
        assertThat(cadence.due(now + RefreshCadence.MAX_SPACING_NANOS)).isTrue();
    }

    @Test
    void aCheapRefreshLeavesTheNextFrameFreeToShowTheNextEvent() {
        long now = 1_000_000_000L;
        for (int i = 0; i < 100; i++) {
            assertThat(cadence.due(now)).isTrue();
            cadence.delivered(now, 1);
            cadence.tookToShow(4_000_000L); // step or run mode: a call's events take a few milliseconds
            now += FRAME;
        }
        assertThat(cadence.busy()).isFalse();
    }

    @Test
    void aCostlyRefreshSpacesTheNextEvenWhenItEmptiedTheInboxAndThePumpSlept() {
        long now = 1_000_000_000L;
        cadence.delivered(now, 1);
        cadence.reset(); // the refresh took all there was, so the pump sleeps; then the layout it caused ends
        cadence.tookToShow(300_000_000L);
        assertThat(cadence.due(now + FRAME)).isFalse();
        assertThat(cadence.due(now + 900_000_000L)).isTrue();
    }
}
