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
}
