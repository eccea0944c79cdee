package org.socketstage.tracer;

import com.sun.jna.LastErrorException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.socketstage.event.Actor;
import org.socketstage.server.StepGate;
import org.socketstage.socket.Errno;

/**
 * What the tracer thread does at a system-call stop: decode the call at its entry, publish it, let the step
 * gate hold it (the task stays parked while a helper waits at the gate), fail or shorten it when a fault is
 * due, and at its exit report the result. Runs on the tracer thread only.
 */
final class CallStops {

    private final Arch arch;
    private final ProgramEvents events;
    private final CallDecoder decoder;
    private final StepGate gate;
    private final TraceLoop.Faults faults;
    private final TraceLoop.Owner owner;
    private final HeldCalls held;
    private final OutputLines output;
    private final Tracees tracees;
    private final Consumer<Runnable> post;
    private final BooleanSupplier stopping;

    CallStops(Arch arch, ProgramEvents events, CallDecoder decoder, StepGate gate, TraceLoop.Faults faults,
            TraceLoop.Owner owner, HeldCalls held, OutputLines output, Tracees tracees, Consumer<Runnable> post,
            BooleanSupplier stopping) {
        this.arch = arch;
        this.events = events;
        this.decoder = decoder;
        this.gate = gate;
        this.faults = faults;
        this.owner = owner;
        this.held = held;
        this.output = output;
        this.tracees = tracees;
        this.post = post;
        this.stopping = stopping;
    }

    void stop(Task t) {
        Arch.SyscallRegs regs;
        try {
            regs = arch.read(t.tid);
        } catch (LastErrorException e) {
            return;
        }
        boolean entry = arch.exactDirection() ? regs.entry() : !t.inSyscall && regs.entry();
        t.inSyscall = entry;
        if (entry) {
            entry(t, regs);
        } else {
            exit(t, regs.result());
        }
    }

    private void entry(Task t, Arch.SyscallRegs regs) {
        Syscall s = arch.syscall(regs.number());
        if (s == null) {
            t.resume(0);
            return;
        }
        if (s.waits()) {
            String text = decoder.waiting(t, s, regs.args());
            if (text != null) {
                events.notice(new Actor(Actor.Kind.SERVER, -1, null, t.tid), text);
            }
            t.resume(0);
            return;
        }
        TracedCall c = decoder.entry(t, s, regs.args());
        t.call = c;
        if (c == null || !c.shown) {
            t.resume(0);
            return;
        }
        if (c.syscall == Syscall.BIND) {
            events.sockaddr(c);
        }
        events.started(c);
        if (c.gated() && !HeldCalls.passesAtOnce(gate, c.stage)) {
            t.parked = true;
            held.hold(c, go -> post.accept(() -> released(t, c, go)));
            return;
        }
        proceed(t, c);
    }

    void released(Task t, TracedCall c, boolean go) {
        if (tracees.get(t.tid) != t || !t.parked || t.call != c) {
            return;
        }
        t.parked = false;
        if (!go) {
            c.suppressed = true;
        }
        proceed(t, c);
    }

    /**
     * Lets the call run: as the program made it, failed with an injected errno, or with a lowered length. While
     * stopping, calls run for real (a program closing its sockets on SIGTERM does so, and its results are true).
     */
    private void proceed(Task t, TracedCall c) {
        try {
            if (c.suppressed) {
                // a call held at the gate when Stop came: it never ran, and the program is being ended with SIGTERM;
                // it comes back as a signal would leave it (EINTR), so the program's handler can run, and is not shown
                c.injected = Errno.byName("EINTR").orElseThrow();
                arch.skipCall(t.tid);
            } else if (!stopping.getAsBoolean()) {
                Injection i = faults.decide(c);
                if (i != null && i.kind() == Injection.Kind.ERRNO) {
                    arch.skipCall(t.tid);
                    c.injected = i.errno();
                } else if (i != null && i.kind() == Injection.Kind.SHORT_SEND && c.canShorten()) {
                    long shorter = Math.max(1, c.args[2] / 2);
                    arch.setArg(t.tid, 2, shorter);
                    c.askedLength = c.args[2];
                    c.args[2] = shorter;
                }
            }
        } catch (LastErrorException e) {
            return;
        }
        c.resumedNanos = System.nanoTime();
        t.resume(0);
    }

    private void exit(Task t, long result) {
        TracedCall c = t.call;
        t.call = null;
        if (c != null) {
            long value = result;
            if (c.injected != null) {
                value = -c.injected.number();
                try {
                    arch.setResult(t.tid, value);
                } catch (LastErrorException e) {
                    return;
                }
            }
            if (c.outputStream != null && value > 0) {
                output.written(c, value);
            }
            CallDecoder.Returned r = decoder.exit(c, value);
            if (r != null && !c.suppressed) {
                events.returned(c, r);
            }
            if (c.syscall == Syscall.BIND && value == 0 && c.address != null && c.address.port() > 0) {
                owner.bound(c.address.port());
            }
            if (c.syscall == Syscall.LISTEN && value == 0 && !c.suppressed) {
                owner.listening(t.tid, c.fd(), (int) c.args[1]);
            }
        }
        t.resume(0);
    }
}
