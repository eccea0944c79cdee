package org.socketstage.lessons;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;

/** Hand-built engine events for unit tests of goals and the tracker. */
final class Events {

    private static final AtomicLong SEQ = new AtomicLong();

    private Events() {}

    static ServerEvent.CallReturned ok(Step stage, String call, long result) {
        return returned(Actor.SERVER, stage, call, result, null, false);
    }

    static ServerEvent.CallReturned fail(Step stage, String call, String errno) {
        return returned(Actor.SERVER, stage, call, -1, Errno.byName(errno).orElseThrow(), false);
    }

    static ServerEvent.CallReturned simulatedFail(Step stage, String call, String errno) {
        return returned(Actor.SERVER, stage, call, -1, Errno.byName(errno).orElseThrow(), true);
    }

    static ServerEvent.CallReturned returned(Actor actor, Step stage, String call, long result, Errno errno,
            boolean simulated) {
        return new ServerEvent.CallReturned(SEQ.incrementAndGet(), Instant.now(), actor, stage, call, "...", result,
                errno, simulated, null, null, null, null, 5);
    }

    static ServerEvent.KernelChanged kernel(int acceptQueue, long overflows, TcpState... rowStates) {
        List<TcpSocketRow> rows = new java.util.ArrayList<>();
        int port = 40000;
        for (TcpState s : rowStates) {
            rows.add(new TcpSocketRow(s, "127.0.0.1", 9090, "127.0.0.1", port++, 0, 0, 1, false));
        }
        KernelSnapshot snap = new KernelSnapshot(9090, true, null, rows, OptionalInt.of(acceptQueue),
                OptionalInt.of(4096), OptionalInt.of(5), OptionalLong.of(overflows));
        return new ServerEvent.KernelChanged(SEQ.incrementAndGet(), Instant.now(), Actor.KERNEL, snap);
    }

    static ServerEvent.StateChanged state(ServerState s) {
        return new ServerEvent.StateChanged(SEQ.incrementAndGet(), Instant.now(), Actor.SERVER, s, "");
    }
}
