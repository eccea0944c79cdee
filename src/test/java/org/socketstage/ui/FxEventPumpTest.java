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
    void cheapEventsLetAPulseTakeMoreAtMostTwiceAsManyAsBefore() {
        // 200 events taken in 1 ms (5 µs each): a 6 ms budget fits 1,200, so the next pulse takes twice as many
        assertThat(FxEventPump.nextLimit(200, 200, 1 * MS, 6 * MS)).isEqualTo(400);
        // 1,600 at 5 µs is 8 ms, over the budget: back to what fits at once
        assertThat(FxEventPump.nextLimit(1_600, 1_600, 8 * MS, 6 * MS)).isEqualTo(1_200);
    }

    @Test
    void expensiveEventsShrinkWhatAPulseTakesToWhatFitsAtOnce() {
        // 200 events taken in 30 ms (150 µs each), budget 6 ms: 40 fit
        assertThat(FxEventPump.nextLimit(200, 200, 30 * MS, 6 * MS)).isEqualTo(40);
    }

    @Test
    void theLimitStaysWithinItsBoundsAndAnEmptyPulseChangesNothing() {
        assertThat(FxEventPump.nextLimit(200, 10, 100 * MS, 6 * MS)).isEqualTo(FxEventPump.MIN_EVENTS_PER_PULSE);
        assertThat(FxEventPump.nextLimit(FxEventPump.MAX_EVENTS_PER_PULSE, 1_000, 1_000, 20 * MS))
                .isEqualTo(FxEventPump.MAX_EVENTS_PER_PULSE);
        assertThat(FxEventPump.nextLimit(321, 0, 0, 6 * MS)).isEqualTo(321);
    }
}
