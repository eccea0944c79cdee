package org.socketstage.tracer;

import java.util.concurrent.TimeUnit;
import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.EventBus;
import org.socketstage.event.ResultSource;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;

/** Publishes a traced program's calls as the same events SocketStage's own server publishes. */
final class ProgramEvents {

    private final EventBus bus;
    private final Runnable connectionsChanged;

    /**
     * @param connectionsChanged told when the program accepted or closed a connection, so the kernel view looks
     *        again at once instead of reading the kernel's table many times a second
     */
    ProgramEvents(EventBus bus, Runnable connectionsChanged) {
        this.bus = bus;
        this.connectionsChanged = connectionsChanged;
    }

    EventBus bus() {
        return bus;
    }

    void started(TracedCall c) {
        bus.publish((seq, time) -> new ServerEvent.CallStarted(seq, time, c.actor, c.stage, c.name(), c.entryArgs));
    }

    void held(TracedCall c, String reason) {
        bus.publish((seq, time) -> new ServerEvent.CallHeld(seq, time, c.actor, c.stage, c.name(), reason));
    }

    void returned(TracedCall c, CallDecoder.Returned r) {
        long micros = c.resumedNanos == 0 ? 0 : TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - c.resumedNanos);
        ResultSource source = c.injected != null || c.askedLength >= 0 ? ResultSource.INJECTED : ResultSource.KERNEL;
        bus.publish((seq, time) -> new ServerEvent.CallReturned(seq, time, c.actor, c.stage, c.name(), r.args(),
                r.result(), r.errno(), source, c.injected != null ? injectedNote(c) : r.note(), r.data(), r.address(),
                r.sockaddrBytes(), micros));
        if (r.errno() == null && (c.stage == Step.ACCEPT || c.stage == Step.CLOSE_CLIENT)) {
            connectionsChanged.run();
        }
    }

    private static String injectedNote(TracedCall c) {
        return "injected by the tracer: the kernel was not called";
    }

    /**
     * The struct a bind() passes, shown as the sockaddr_in step: the program filled it in its own memory, and
     * the tracer reads the 16 bytes the kernel is about to get.
     */
    void sockaddr(TracedCall bind) {
        SocketAddress a = bind.address;
        if (a == null || a.ipv4() == null || a.raw() == null || a.raw().length != 16) {
            return;
        }
        String args = "sin_family=AF_INET, sin_port=htons(" + a.port() + "), sin_addr="
                + (a.ipv4().isAny() ? "htonl(INADDR_ANY)" : "inet_addr(\"" + a.ipv4().host() + "\")");
        bus.publish((seq, time) -> new ServerEvent.CallReturned(seq, time, bind.actor, Step.SOCKADDR, "sockaddr_in",
                CallArgs.of(args), 0, null, ResultSource.KERNEL, "read from the program's memory as bind() gets it",
                null, a.ipv4(), a.raw(), 0));
    }

    void notice(Actor actor, String text) {
        bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, actor, text));
    }

    void state(int pid, ServerState state, String detail) {
        Actor actor = pid > 0 ? Actor.SERVER.inTask(pid) : Actor.SERVER;
        bus.publish((seq, time) -> new ServerEvent.StateChanged(seq, time, actor, state, detail));
    }
}
