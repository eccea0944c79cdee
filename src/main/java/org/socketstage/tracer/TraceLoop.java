package org.socketstage.tracer;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.socketstage.event.Actor;
import org.socketstage.log.LazyLogger;
import org.socketstage.server.StepGate;
import org.socketstage.socket.Errno;

/**
 * The tracer thread: seizes the program, then waits for its stops and answers each one. It is the only
 * thread that makes ptrace requests. A call the step gate holds is left stopped at its entry ("parked")
 * while a helper thread waits at the gate; when the gate lets it go, the helper posts a command here and
 * rings the {@link Doorbell}. So one held thread never stops the others, nor the tracer.
 */
final class TraceLoop {

    /** Told about what the loop sees; called on the tracer thread, so it must be quick. */
    interface Owner {
        /** A bind() succeeded on this port. */
        void bound(int port);

        void listening(int tid, int fd, int backlog);

        void processEnded(int pid, boolean main, WaitStatus status);

        /** The program cannot be traced on (e.g. a 32-bit program); everything is being killed. */
        void failed(String reason);

        /** The tracer thread is ending: every process is gone (or the tracer could not go on). */
        void ended();
    }

    /** Decides, once the gate lets a call go, whether the tracer fails or shortens it instead. */
    interface Faults {
        Injection decide(TracedCall call);
    }

    private static final System.Logger LOG = LazyLogger.of(TraceLoop.class);
    private static final int SEIZE_OPTIONS = Ptrace.O_TRACESYSGOOD | Ptrace.O_TRACEFORK | Ptrace.O_TRACEVFORK
            | Ptrace.O_TRACECLONE | Ptrace.O_TRACEEXEC | Ptrace.O_EXITKILL;
    private static final Duration STOPPED_WAIT = Duration.ofSeconds(5);

    private final Arch arch;
    private final ProgramEvents events;
    private final CallDecoder decoder;
    private final StepGate gate;
    private final Faults faults;
    private final Owner owner;
    private final HeldCalls held;
    private final OutputLines output;
    private final Tracees tracees;
    private final CallStops calls;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> attached = new CompletableFuture<>();
    private final Memory eventMessage = new Memory(8);
    private final int[] status = new int[1];
    private final Thread thread;
    private volatile Doorbell doorbell;
    private volatile boolean stopping;
    private int programPid;

    TraceLoop(Arch arch, ProgramEvents events, CallDecoder decoder, StepGate gate, Faults faults, Owner owner) {
        this.arch = arch;
        this.events = events;
        this.decoder = decoder;
        this.gate = gate;
        this.faults = faults;
        this.owner = owner;
        this.held = new HeldCalls(gate, events);
        this.output = new OutputLines(events);
        this.tracees = new Tracees(events);
        this.calls = new CallStops(arch, events, decoder, gate, faults, owner, held, output, tracees, this::post,
                () -> stopping);
        this.thread = new Thread(this::run, "socketstage-tracer");
        this.thread.setDaemon(true);
    }

    /** Starts the tracer thread; the future completes once the program is seized and running. */
    CompletableFuture<Void> start(int programPid, int doorbellPid) {
        this.programPid = programPid;
        this.doorbell = new Doorbell(doorbellPid);
        thread.start();
        return attached;
    }

    private void run() {
        try {
            attach();
            loop();
        } catch (TraceFailure f) {
            attached.completeExceptionally(f);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the tracer stopped on an unexpected error", e);
            attached.completeExceptionally(e);
            owner.failed("the tracer stopped on an unexpected error: " + e);
        } finally {
            killAll();
            endDoorbell();
            held.close();
            owner.ended();
        }
    }

    private void attach() {
        awaitStopped(programPid);
        decoder.rememberOutputs(programPid);
        Doorbell bell = doorbell;
        seize(bell.pid(), Ptrace.O_EXITKILL);
        seize(programPid, SEIZE_OPTIONS);
        tracees.addProgram(programPid);
        Ptrace.kill(programPid, Signals.SIGCONT);
        attached.complete(null);
    }

    /** The launcher stops the program with SIGSTOP before its exec; it must be seized in that state. */
    private static void awaitStopped(int pid) {
        long deadline = System.nanoTime() + STOPPED_WAIT.toNanos();
        while (true) {
            String state = ProcStat.state(pid);
            if (state == null) {
                throw new TraceFailure(TraceFailure.Kind.EXITED_AT_ONCE, "the program ended before it could be traced");
            }
            if (state.equals("T")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TraceFailure(TraceFailure.Kind.LAUNCH_FAILED,
                        "the program did not reach its starting point within " + STOPPED_WAIT.toSeconds() + " s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    static void seize(int pid, int options) {
        try {
            Ptrace.ptrace(Ptrace.SEIZE, pid, 0, options);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == 1) {
                throw TraceFailure.notPermitted(pid);
            }
            throw new TraceFailure(TraceFailure.Kind.LAUNCH_FAILED, "ptrace(PTRACE_SEIZE, " + pid + ") failed: "
                    + Errno.of(e.getErrorCode()).straceText());
        }
    }

    private void loop() {
        while (!tracees.noProcessLeft()) {
            runCommands();
            if (tracees.noProcessLeft()) {
                break;
            }
            int tid;
            try {
                tid = Ptrace.waitpid(-1, status, Ptrace.WALL | Ptrace.WNOTHREAD);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == 4) {
                    continue;
                }
                LOG.log(System.Logger.Level.WARNING, "waitpid failed: " + Errno.of(e.getErrorCode()));
                return;
            }
            WaitStatus ws = new WaitStatus(status[0]);
            Doorbell bell = doorbell;
            if (bell != null && tid == bell.pid()) {
                answerDoorbell(ws);
                continue;
            }
            Task t = tracees.get(tid);
            if (t == null) {
                if (ws.stopped()) {
                    tracees.earlyStop(tid);
                }
                continue;
            }
            if (ws.exited() || ws.signaled()) {
                gone(t, ws);
            } else {
                stopped(t, ws);
            }
        }
    }

    private void runCommands() {
        Runnable r;
        while ((r = commands.poll()) != null) {
            r.run();
        }
    }

    /** Runs a command on the tracer thread as soon as it is free. */
    void post(Runnable command) {
        commands.add(command);
        Doorbell bell = doorbell;
        if (bell != null && Thread.currentThread() != thread) {
            bell.ring();
        }
    }

    private void answerDoorbell(WaitStatus ws) {
        if (ws.stopped()) {
            try {
                Ptrace.ptrace(Ptrace.CONT, doorbell.pid(), 0, 0);
            } catch (LastErrorException e) {
                // killed meanwhile
            }
        } else {
            LOG.log(System.Logger.Level.WARNING, "the tracer's doorbell process ended early");
            doorbell = null;
        }
    }

    private void stopped(Task t, WaitStatus ws) {
        if (ws.syscallStop()) {
            calls.stop(t);
            return;
        }
        int event = ws.event();
        switch (event) {
            case Ptrace.EVENT_FORK, Ptrace.EVENT_VFORK, Ptrace.EVENT_CLONE -> {
                boolean[] waiting = new boolean[1];
                Task child = tracees.started(t, (int) eventMessage(t.tid), event, waiting);
                if (waiting[0]) {
                    child.resume(0);
                }
                t.resume(0);
            }
            case Ptrace.EVENT_EXEC -> {
                exec(t);
                t.resume(0);
            }
            case Ptrace.EVENT_STOP -> {
                if (Signals.stops(ws.stopSignal())) {
                    t.listen();
                } else {
                    t.resume(0);
                }
            }
            case 0 -> t.resume(ws.stopSignal());
            default -> t.resume(0);
        }
    }

    private void exec(Task t) {
        tracees.execed(t, (int) eventMessage(t.tid));
        String exe = ProcStat.exe(t.tid);
        if (t.process.main || t.process.announced) {
            events.notice(Actor.SERVER.inTask(t.tid), "runs " + exe);
        }
        String problem = ProgramBinary.problem(t.tid, exe, arch);
        if (problem != null) {
            owner.failed(problem);
            killAll();
        }
    }

    private void gone(Task t, WaitStatus ws) {
        TracedProcess p = tracees.gone(t, ws);
        if (p == null) {
            return;
        }
        output.flush(p.tgid);
        if (p.main || p.announced) {
            events.notice(Actor.SERVER.inTask(p.tgid), "the process " + ProgramExit.of(p.tgid, p.leaderStatus).text());
        }
        owner.processEnded(p.tgid, p.main, p.leaderStatus);
    }

    private long eventMessage(int tid) {
        try {
            Ptrace.ptrace(Ptrace.GETEVENTMSG, tid, 0, Pointer.nativeValue(eventMessage));
            return eventMessage.getLong(0);
        } catch (LastErrorException e) {
            return -1;
        }
    }

    /** SIGTERM to every process of the program; a held call is not made but interrupted. */
    void terminate() {
        stopping = true;
        post(() -> {
            for (Task t : tracees.all()) {
                if (t.parked && t.call != null) {
                    calls.released(t, t.call, false);
                }
            }
            signalAll(Signals.SIGTERM);
            signalAll(Signals.SIGCONT);
        });
    }

    /** SIGKILL to every process of the program; safe from any thread (kill is not a ptrace request). */
    void killAll() {
        stopping = true;
        signalAll(Signals.SIGKILL);
    }

    private void signalAll(int signal) {
        for (int pid : tracees.livePids()) {
            try {
                Ptrace.kill(pid, signal);
            } catch (LastErrorException e) {
                // already gone
            }
        }
    }

    private void endDoorbell() {
        Doorbell bell = doorbell;
        doorbell = null;
        if (bell == null || thread != Thread.currentThread()) {
            return;
        }
        try {
            Ptrace.kill(bell.pid(), Signals.SIGKILL);
            for (int i = 0; i < 100; i++) {
                Ptrace.waitpid(bell.pid(), status, Ptrace.WALL);
                WaitStatus ws = new WaitStatus(status[0]);
                if (ws.exited() || ws.signaled()) {
                    return;
                }
            }
        } catch (LastErrorException e) {
            // gone already
        }
    }

    boolean stopping() {
        return stopping;
    }

    /** The processes of the program still alive. */
    Set<Integer> livePids() {
        return tracees.livePids();
    }

    boolean awaitEnd(Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    boolean isAlive() {
        return thread.isAlive();
    }
}
