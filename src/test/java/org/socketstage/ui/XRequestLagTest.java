package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XRequestLagTest {

    @Test
    void theServerMayBeUpToThatManyPulsesBehind() {
        XRequestLag lag = new XRequestLag(3);
        lag.pulseStarts(100); // requests 1..99 sent before the first pulse
        lag.pulseStarts(150);
        lag.pulseStarts(200);
        assertThat(lag.tooFarBehind(99)).as("handled all sent before the pulse three back").isFalse();
        assertThat(lag.tooFarBehind(98)).as("one request short of it").isTrue();
        assertThat(lag.tooFarBehind(0)).isTrue();
    }

    @Test
    void theFirstPulsesNeverWait() {
        XRequestLag lag = new XRequestLag(3);
        assertThat(lag.tooFarBehind(0)).isFalse();
        lag.pulseStarts(100);
        lag.pulseStarts(150);
        assertThat(lag.tooFarBehind(0)).as("only two pulses noted").isFalse();
        lag.pulseStarts(200);
        assertThat(lag.tooFarBehind(0)).isTrue();
    }

    @Test
    void theOldestMarkMovesOnWithEachPulse() {
        XRequestLag lag = new XRequestLag(2);
        lag.pulseStarts(10);
        lag.pulseStarts(20);
        assertThat(lag.tooFarBehind(9)).isFalse();
        lag.pulseStarts(30); // now the oldest is 20
        assertThat(lag.tooFarBehind(9)).isTrue();
        assertThat(lag.tooFarBehind(19)).isFalse();
        lag.pulseStarts(40);
        assertThat(lag.tooFarBehind(19)).isTrue();
        assertThat(lag.tooFarBehind(29)).isFalse();
    }

    @Test
    void aSyncedServerIsNeverBehind() {
        XRequestLag lag = new XRequestLag(1);
        lag.pulseStarts(500);
        assertThat(lag.tooFarBehind(499)).as("XSync: everything up to the next request handled").isFalse();
        assertThat(lag.tooFarBehind(600)).as("handled more than the mark").isFalse();
    }

    @Test
    void requestNumbersThatWrapAreComparedByTheirDifference() {
        XRequestLag lag = new XRequestLag(1);
        lag.pulseStarts(Long.MIN_VALUE + 5); // wrapped past the largest number
        assertThat(lag.tooFarBehind(Long.MAX_VALUE)).as("before the wrap: behind").isTrue();
        assertThat(lag.tooFarBehind(Long.MIN_VALUE + 4)).isFalse();
    }

    @Test
    void atLeastOnePulse() {
        assertThatThrownBy(() -> new XRequestLag(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
