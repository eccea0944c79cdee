package org.socketstage.tracer;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.socketstage.event.Actor;
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
        void listening(int tid, int fd, int backlog);

        void processEnded(int pid, boolean main, WaitStatus status);

        /** The program cannot be traced on (e.g. a 32-bit program); everything is being killed. */
        void failed(String reason);
    }

    /** Decides, once the gate lets a call go, whether the tracer fails or shortens it instead. */
    interface Faults {
        Injection decide(TracedCall call);
    }

    private static final System.Logger LOG = System.getLogger(TraceLoop.class.getName());
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
    private final Map<Integer, Task> tasks = new HashMap<>();
    private final Map<Integer, TracedProcess> processes = new HashMap<>();
    private final Set<Integer> liveTgids = ConcurrentHashMap.newKeySet();
    private final Set<Integer> earlyStops = new HashSet<>();
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
        }
    }

    private void attach() {
        awaitStopped(programPid);
        decoder.rememberOutputs(programPid);
        Doorbell bell = doorbell;
        seize(bell.pid(), Ptrace.O_EXITKILL);
        seize(programPid, SEIZE_OPTIONS);
        TracedProcess p = new TracedProcess(programPid, new FdTable(), true);
        p.liveTasks = 1;
        processes.put(programPid, p);
        liveTgids.add(programPid);
        tasks.put(programPid, new Task(programPid, p));
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
        while (!processes.isEmpty()) {
            runCommands();
            if (processes.isEmpty()) {
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
            Task t = tasks.get(tid);
            if (t == null) {
                if (ws.stopped()) {
                    earlyStops.add(tid);
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
            syscallStop(t);
            return;
        }
        int event = ws.event();
        switch (event) {
            case Ptrace.EVENT_FORK, Ptrace.EVENT_VFORK, Ptrace.EVENT_CLONE -> {
                newTask(t, (int) eventMessage(t.tid), event);
                resume(t, 0);
            }
            case Ptrace.EVENT_EXEC -> {
                exec(t);
                resume(t, 0);
            }
            case Ptrace.EVENT_STOP -> {
                if (Signals.stops(ws.stopSignal())) {
                    listen(t);
                } else {
                    resume(t, 0);
                }
            }
            case 0 -> resume(t, ws.stopSignal());
            default -> resume(t, 0);
        }
    }

    private void syscallStop(Task t) {
        Arch.SyscallRegs regs;
        try {
            regs = arch.read(t.tid);
        } catch (LastErrorException e) {
            return;
        }
        boolean entry = arch instanceof Aarch64 ? regs.entry() : !t.inSyscall && regs.entry();
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
            resume(t, 0);
            return;
        }
        if (s.waits()) {
            String text = decoder.waiting(t, s, regs.args());
            if (text != null) {
                events.notice(new Actor(Actor.Kind.SERVER, -1, null, t.tid), text);
            }
            resume(t, 0);
            return;
        }
        TracedCall c = decoder.entry(t, s, regs.args());
        t.call = c;
        if (c == null || !c.shown) {
            resume(t, 0);
            return;
        }
        if (c.syscall == Syscall.BIND) {
            events.sockaddr(c);
        }
        events.started(c);
        if (c.gated() && !HeldCalls.passesAtOnce(gate, c.stage)) {
            t.parked = true;
            held.hold(c, go -> post(() -> released(t, c, go)));
            return;
        }
        proceed(t, c);
    }

    private void released(Task t, TracedCall c, boolean go) {
        if (tasks.get(t.tid) != t || !t.parked || t.call != c) {
            return;
        }
        t.parked = false;
        if (!go) {
            c.suppressed = true;
        }
        proceed(t, c);
    }

    /** Lets the call run: as the program made it, failed with an injected errno, or with a lowered length. */
    private void proceed(Task t, TracedCall c) {
        try {
            if (stopping || c.suppressed) {
                c.suppressed = true;
                c.injected = Errno.byName("EINTR").orElseThrow();
                arch.skipCall(t.tid);
            } else {
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
        resume(t, 0);
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
            if (c.syscall == Syscall.LISTEN && value == 0 && !c.suppressed) {
                owner.listening(t.tid, c.fd(), (int) c.args[1]);
            }
        }
        resume(t, 0);
    }

    private void newTask(Task parent, int child, int event) {
        boolean thread = event == Ptrace.EVENT_CLONE && ProcStat.tgid(child) == parent.pid();
        TracedProcess p = thread ? parent.process : new TracedProcess(child, parent.process.fds.copy(), false);
        if (!thread) {
            processes.put(child, p);
            liveTgids.add(child);
        }
        Task task = new Task(child, p);
        p.liveTasks++;
        tasks.put(child, task);
        // a server's workers are part of the story; a launcher script's helpers (forked before any socket) are not
        if (parent.process.fds.hasShownSocket()) {
            task.announced = true;
            p.announced = p.announced || !thread;
            events.notice(Actor.SERVER.inTask(parent.tid), thread ? "started thread " + child
                    : "forked: the new process is pid " + child);
        }
        if (earlyStops.remove(child)) {
            resume(task, 0);
        }
    }

    private void exec(Task t) {
        int former = (int) eventMessage(t.tid);
        if (former != t.tid) {
            Task old = tasks.remove(former);
            if (old != null) {
                t.process.liveTasks--;
            }
        }
        t.inSyscall = true;
        t.call = null;
        t.process.fds.forgetAll();
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
        tasks.remove(t.tid);
        TracedProcess p = t.process;
        p.liveTasks--;
        if (t.tid == p.tgid) {
            p.leaderStatus = ws;
        } else if (p.liveTasks > 0 && t.announced) {
            events.notice(Actor.SERVER.inTask(t.tid), "thread " + t.tid + " ended");
        }
        if (p.liveTasks > 0) {
            return;
        }
        processes.remove(p.tgid);
        liveTgids.remove(p.tgid);
        output.flush(p.tgid);
        WaitStatus end = p.leaderStatus != null ? p.leaderStatus : ws;
        if (p.main || p.announced) {
            events.notice(Actor.SERVER.inTask(p.tgid), "the process " + ProgramExit.of(p.tgid, end).text());
        }
        owner.processEnded(p.tgid, p.main, end);
    }

    private long eventMessage(int tid) {
        try {
            Ptrace.ptrace(Ptrace.GETEVENTMSG, tid, 0, Pointer.nativeValue(eventMessage));
            return eventMessage.getLong(0);
        } catch (LastErrorException e) {
            return -1;
        }
    }

    private static void resume(Task t, int signal) {
        try {
            Ptrace.ptrace(Ptrace.SYSCALL, t.tid, 0, signal);
        } catch (LastErrorException e) {
            // it was killed while stopped; its exit is reported next
        }
    }

    private static void listen(Task t) {
        try {
            Ptrace.ptrace(Ptrace.LISTEN, t.tid, 0, 0);
        } catch (LastErrorException e) {
            resume(t, 0);
        }
    }

    /** SIGTERM to every process of the program; a held call is not made but interrupted. */
    void terminate() {
        stopping = true;
        post(() -> {
            for (Task t : new ArrayList<>(tasks.values())) {
                if (t.parked && t.call != null) {
                    released(t, t.call, false);
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
        for (int pid : liveTgids) {
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
        return Set.copyOf(liveTgids);
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
