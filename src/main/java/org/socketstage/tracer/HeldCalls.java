package org.socketstage.tracer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.socketstage.event.Step;
import org.socketstage.server.StepGate;
import org.socketstage.settings.PacingMode;

/**
 * Waits at the step gate on behalf of parked tracee threads, one helper thread per held call, so that the
 * tracer thread never blocks in the gate.
 */
final class HeldCalls implements AutoCloseable {

    private final StepGate gate;
    private final ProgramEvents events;
    private final AtomicInteger names = new AtomicInteger();
    private final ExecutorService helpers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "socketstage-tracer-hold-" + names.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    HeldCalls(StepGate gate, ProgramEvents events) {
        this.gate = gate;
        this.events = events;
    }

    /**
     * True when the gate would let this call go at once (live mode, not paused, no breakpoint on its step):
     * then the tracer does not hand it over at all, which keeps a live trace fast.
     */
    static boolean passesAtOnce(StepGate gate, Step stage) {
        return gate.mode() == PacingMode.LIVE && !gate.paused() && !gate.breakpoints().contains(stage);
    }

    /** Waits at the gate for the call; then tells whether it may run (false when the gate was cancelled). */
    void hold(TracedCall call, Consumer<Boolean> released) {
        helpers.execute(() -> {
            boolean go;
            try {
                gate.pass(call.actor, call.stage, call.name(), h -> events.held(call, h.reason()));
                go = true;
            } catch (StepGate.Cancelled c) {
                go = false;
            }
            released.accept(go);
        });
    }

    @Override
    public void close() {
        helpers.shutdownNow();
    }
}
