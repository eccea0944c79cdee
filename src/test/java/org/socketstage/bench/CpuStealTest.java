package org.socketstage.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuStealTest {

    @Test
    void stealIsItsShareOfAllTheTimeBetweenTwoReadings() {
        CpuSteal before = CpuSteal.parse("cpu  100 0 50 800 10 0 5 35 0 0");
        // 400 more ticks: 200 user, 40 system, 80 idle, 80 stolen
        CpuSteal after = CpuSteal.parse("cpu  300 0 90 880 10 0 5 115 0 0");
        assertThat(after.percentSince(before)).isEqualTo(20.0);
    }

    @Test
    void guestTimeIsNotCountedTwice() {
        CpuSteal before = CpuSteal.parse("cpu 0 0 0 0 0 0 0 0 0 0");
        CpuSteal after = CpuSteal.parse("cpu 90 0 0 0 0 0 0 10 50 0");
        assertThat(after.percentSince(before)).isEqualTo(10.0);
    }

    @Test
    void noTimeBetweenReadingsSaysNothing() {
        CpuSteal reading = CpuSteal.parse("cpu 1 2 3 4 5 6 7 8");
        assertThat(reading.percentSince(reading)).isNaN();
    }

    @Test
    void aPerCpuLineIsRefused() {
        assertThatThrownBy(() -> CpuSteal.parse("cpu0 1 2 3 4 5 6 7 8"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
