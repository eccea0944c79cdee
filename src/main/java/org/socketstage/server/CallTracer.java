package org.socketstage.server;

import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.ResultSource;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import java.util.concurrent.TimeUnit;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SyscallException;

/**
 * Runs one system call the way the lessons show it: announce it, let the pacing gate hold it, make the
 * real call (or fail it on purpose when a simulated fault is armed), and report what came back.
 */
final class CallTracer {

    /** The call itself. */
    @FunctionalInterface
    interface Body<T> {
        T run() throws SyscallException;
    }

    /** How a successful call is reported. */
    record Report(long result, CallArgs args, byte[] data, SockAddrIn address, byte[] sockaddrBytes, String note) {
        Report(long result, String args, byte[] data, SockAddrIn address, byte[] sockaddrBytes, String note) {
            this(result, CallArgs.of(args), data, address, sockaddrBytes, note);
        }

        static Report of(long result, String args) {
            return of(result, CallArgs.of(args));
        }

        static Report of(long result, CallArgs args) {
            return new Report(result, args, null, null, null, null);
        }

        Report withNote(String text) {
            return new Report(result, args, data, address, sockaddrBytes, text);
        }
    }

    @FunctionalInterface
    interface Reporter<T> {
        Report report(T value);
    }

    private final EventBus bus;
    /** Whether anyone reads the announcement of a call: the trace mode's printer does only while stepping. */
    private final EventBus.Interest announcements;
    private final StepGate gate;
    private final FaultPlan faults;

    CallTracer(EventBus bus, StepGate gate, FaultPlan faults) {
        this.bus = bus;
        this.announcements = bus.interest(ServerEvent.CallStarted.class);
        this.gate = gate;
        this.faults = faults;
    }

    /** The server's sends go without waiting (the partial-send demonstration), see {@link FaultPlan}. */
    boolean sendsWithoutWaiting() {
        return faults.sendsWithoutWaiting();
    }

    /**
     * @param gated false for the calls made while stopping, which must not wait for a step
     * @param failureArgs the argument text to show if the call fails
     */
    <T> T call(Actor actor, Step stage, String name, String args, boolean gated, Body<T> body,
            Reporter<T> reporter, String failureArgs, byte[] sockaddrBytes) throws SyscallException {
        CallArgs before = CallArgs.of(args);
        return call(actor, stage, name, before, gated, body, reporter,
                args.equals(failureArgs) ? before : CallArgs.of(failureArgs), sockaddrBytes);
    }

    <T> T call(Actor actor, Step stage, String name, CallArgs args, boolean gated, Body<T> body,
            Reporter<T> reporter, CallArgs failureArgs, byte[] sockaddrBytes) throws SyscallException {
        if (announcements.any()) {
            bus.publish((seq, time) -> new ServerEvent.CallStarted(seq, time, actor, stage, name, args));
        }
        if (gated && !gate.passesFreely(stage)) {
            gate.pass(actor, stage, name, held -> bus.publish((seq, time) ->
                    new ServerEvent.CallHeld(seq, time, actor, stage, name, held.reason())));
        }
        long start = System.nanoTime();
        T value;
        try {
            Errno simulated = faults.take(stage).orElse(null);
            if (simulated != null) {
                throw SyscallException.simulated(name, simulated,
                        "simulated by SocketStage: the kernel was not called");
            }
            value = body.run();
        } catch (SyscallException e) {
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            ResultSource source = e.simulated() ? ResultSource.SIMULATED : ResultSource.KERNEL;
            bus.publish((seq, time) -> new ServerEvent.CallReturned(seq, time, actor, stage, name, failureArgs, -1,
                    e.errno(), source, e.note(), null, null, sockaddrBytes, micros));
            if (gated && faults.takeHoldAtFault()) {
                holdAtFault(actor, stage, name);
            }
            throw e;
        }
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
        Report r = reporter.report(value);
        bus.publish((seq, time) -> new ServerEvent.CallReturned(seq, time, actor, stage, name, r.args(), r.result(),
                null, ResultSource.KERNEL, r.note(), r.data(), r.address(),
                r.sockaddrBytes() != null ? r.sockaddrBytes() : sockaddrBytes, micros));
        return value;
    }

    /**
     * Pauses the server where it stands, before it reacts to the failure, so nothing it does next (a retry, a
     * close) replaces the failed call on screen; Run or Step lets it go on.
     */
    private void holdAtFault(Actor actor, Step stage, String name) {
        gate.pause();
        gate.pass(actor, stage, name, held -> notice(actor, PAUSED_AT_FAULT));
    }

    /** The notice the server gives while it holds at a demonstration's fault. */
    static final String PAUSED_AT_FAULT = "paused at the fault: the failed call stays on screen; press Run or Step "
            + "to see what the server does next";

    void notice(Actor actor, String text) {
        bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, actor, text));
    }

    void state(ServerState state, String detail) {
        bus.publish((seq, time) -> new ServerEvent.StateChanged(seq, time, Actor.SERVER, state, detail));
    }
}
