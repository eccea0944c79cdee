package org.socketstage.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.EventBus;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;

/**
 * A traced program's accept() and close() of a connection ask the kernel view to look again at once: its regular
 * look is once a second (each read of the kernel's table costs milliseconds of kernel time), so without the ask
 * a connection would show late.
 */
class ProgramEventsTest {

    private final AtomicInteger looks = new AtomicInteger();
    private final ProgramEvents events = new ProgramEvents(new EventBus(), looks::incrementAndGet);
    private final Task task = new Task(4242, new TracedProcess(4242, new FdTable(), true));

    private TracedCall call(Syscall syscall, Step stage) {
        return new TracedCall(task, syscall, new long[6], true, stage, Actor.SERVER, CallArgs.of("3"));
    }

    private static CallDecoder.Returned ok(long result) {
        return new CallDecoder.Returned(result, null, CallArgs.of("3"), null, null, null, null);
    }

    @Test
    void anAcceptedAndAClosedConnectionEachAskForALook() {
        events.returned(call(Syscall.ACCEPT4, Step.ACCEPT), ok(4));
        assertThat(looks).hasValue(1);
        events.returned(call(Syscall.CLOSE, Step.CLOSE_CLIENT), ok(0));
        assertThat(looks).hasValue(2);
    }

    @Test
    void dataAndFailedCallsDoNotAsk() {
        events.returned(call(Syscall.RECVFROM, Step.RECV), ok(6));
        events.returned(call(Syscall.SENDTO, Step.SEND), ok(6));
        events.returned(call(Syscall.ACCEPT, Step.ACCEPT),
                new CallDecoder.Returned(-1, Errno.byName("EAGAIN").orElseThrow(), CallArgs.of("3"), null, null, null, null));
        assertThat(looks).hasValue(0);
    }
}
