package org.socketstage.ui;

import org.socketstage.event.TestEvents;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;

class FxEventPumpTest {

    private final TestEvents ev = new TestEvents();

    private ServerEvent kernel(int waiting) {
        return ev.kernel(new KernelSnapshot(9090, true, "", List.of(), OptionalInt.of(waiting), OptionalInt.empty(),
                OptionalInt.empty(), OptionalLong.empty()));
    }

    @Test
    void onlyTheNewestKernelSnapshotOfABatchIsKeptAndOrderIsKept() {
        ServerEvent k1 = kernel(1);
        ServerEvent call = ev.ok(Step.SOCKET, "socket", "", 3, null);
        ServerEvent k2 = kernel(2);
        ServerEvent call2 = ev.started(Step.BIND, "bind", "");
        ServerEvent k3 = kernel(3);
        assertThat(FxEventPump.coalesceKernelSnapshots(List.of(k1, call, k2, call2, k3)))
                .containsExactly(call, call2, k3);
    }

    @Test
    void aBatchWithoutSnapshotsIsUntouched() {
        List<ServerEvent> batch = List.of(ev.ok(Step.SOCKET, "socket", "", 3, null));
        assertThat(FxEventPump.coalesceKernelSnapshots(batch)).isSameAs(batch);
    }

    private static final long MS = 1_000_000;

    @Test
    void aHeavyLayoutAfterCheapEventsLetsTheBatchGrowNotShrink() {
        // 200 events applied in 1 ms (5 µs each), then 29 ms of layout: over a 20 ms budget, but the layout costs
        // the same for a bigger batch, so the batch grows (at most twice) and the view catches up
        assertThat(FxEventPump.nextLimit(200, 200, 1 * MS, 30 * MS, 20 * MS)).isEqualTo(400);
        // and keeps growing to what fits in half the budget at 5 µs an event: 10 ms / 5 µs = 2,000
        assertThat(FxEventPump.nextLimit(1_600, 1_600, 8 * MS, 37 * MS, 20 * MS)).isEqualTo(2_000);
    }

    @Test
    void expensiveEventsShrinkTheBatchToWhatFitsAtOnce() {
        // 200 events applied in 30 ms (150 µs each), layout 5 ms, budget 10 ms: 5 ms left fits 33 events
        assertThat(FxEventPump.nextLimit(200, 200, 30 * MS, 35 * MS, 10 * MS)).isEqualTo(33);
    }

    @Test
    void theLimitStaysWithinItsBoundsAndAnEmptyBatchChangesNothing() {
        assertThat(FxEventPump.nextLimit(200, 10, 100 * MS, 100 * MS, 10 * MS)).isEqualTo(FxEventPump.MIN_EVENTS_PER_PULSE);
        assertThat(FxEventPump.nextLimit(FxEventPump.MAX_EVENTS_PER_PULSE, 1_000, 1_000, 1_000, 40 * MS))
                .isEqualTo(FxEventPump.MAX_EVENTS_PER_PULSE);
        assertThat(FxEventPump.nextLimit(321, 0, 0, 50 * MS, 10 * MS)).isEqualTo(321);
    }
}
