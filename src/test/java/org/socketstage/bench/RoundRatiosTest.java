package org.socketstage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark's per-round ratios: each round's SocketStage figure over the same round's plain Java figure. */
class RoundRatiosTest {

    @Test
    void eachRoundIsPairedWithItsOwnPlainRun() {
        // medians 60k / 80k = 0.75×, but the rounds themselves were 0.90, 0.50 and 0.80×
        double[] socketStage = {90_000, 40_000, 60_000};
        double[] plain = {100_000, 80_000, 75_000};
        assertThat(EchoBenchmark.roundRatios(socketStage, plain)).isEqualTo("rounds 0.90, 0.50, 0.80×");
    }

    @Test
    void oneRoundIsNamedSo() {
        assertThat(EchoBenchmark.roundRatios(new double[] {1.5}, new double[] {1.0})).isEqualTo("round 1.50×");
    }

    @Test
    void anUnpairedRoundIsLeftOut() {
        assertThat(EchoBenchmark.roundRatios(new double[] {2, 3}, new double[] {4})).isEqualTo("round 0.50×");
    }
}
