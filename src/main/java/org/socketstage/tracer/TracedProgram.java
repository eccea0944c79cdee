package org.socketstage.tracer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.kernel.KernelTcpTable;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.KernelView;
import org.socketstage.server.LinuxKernelView;
import org.socketstage.server.Server;
import org.socketstage.server.StepGate;
import org.socketstage.socket.Errno;

/**
 * A student's own program on the stage: started stopped, traced with ptrace, its socket calls published as
 * the same events SocketStage's own server publishes and passed through the same step gate, its faults
 * injected. Stop ends it and every process it forked (SIGTERM, then SIGKILL after a grace period). One
 * instance runs once.
 */
public final class TracedProgram implements Server {

    /** A socket the program listens on. */
    public record Listener(int pid, int fd, int port, int backlog) {}

    private static final Duration ATTACH_WAIT = Duration.ofSeconds(10);
    private static final int KEPT_STDERR_LINES = 20;

    private final ProgramCommand command;
    private final EventBus bus;
    private final StepGate gate;
    private final FaultPlan faultPlan;
    private final ProgramFaults faults;
    private final ProgramOutput output;
    private final ProgramEvents events;
    private final AtomicReference<ServerState> state = new AtomicReference<>(ServerState.IDLE);
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, KernelView> kernelViews = new ConcurrentHashMap<>();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private volatile TraceLoop loop;
    private volatile ProgramLauncher.Launched launched;
    private volatile ProgramExit mainExit;
    private volatile String failure;
    private volatile TraceFailure.Kind failureKind;
    private volatile boolean stopRequested;
    private volatile int boundPort = -1;
    private final AtomicBoolean finished = new AtomicBoolean();

    public TracedProgram(ProgramCommand command, EventBus bus, StepGate gate, FaultPlan faultPlan, ProgramFaults faults,
            ProgramOutput output) {
        this.command = command;
        this.bus = bus;
        this.gate = gate;
        this.faultPlan = faultPlan;
        this.faults = faults;
        this.output = output;
        this.events = new ProgramEvents(bus, () -> kernelViews.values().forEach(KernelView::nudge));
    }

    public TracedProgram(ProgramCommand command, EventBus bus, StepGate gate) {
        this(command, bus, gate, new FaultPlan(), new ProgramFaults(), ProgramOutput.NONE);
    }

    /**
     * Starts the program and begins tracing it.
     *
     * @throws TraceFailure when it cannot be traced (not Linux, command not found, not executable, ptrace
     *         not permitted); the reason is also published as the FAILED state
     */
    @Override
    public synchronized void start() {
        if (state.get() != ServerState.IDLE) {
            throw new IllegalStateException("a TracedProgram runs once; create a new one to run again");
        }
        gate.reset();
        state.set(ServerState.RUNNING);
        try {
            Arch arch = Tracing.arch();
            ProgramLauncher.check(command);
            launched = ProgramLauncher.launch(command, this::outputLine);
            TraceLoop l = new TraceLoop(arch, events, new CallDecoder(new ArgText(new TraceeMemory()),
                    new ProcFds(KernelTcpTable.system())), gate, this::decide, new Owner());
            loop = l;
            events.state(launched.programPid(), ServerState.RUNNING, "tracing " + command.commandLine() + " (pid "
                    + launched.programPid() + ")");
            l.start(launched.programPid(), launched.doorbellPid()).get(ATTACH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TraceFailure f) {
            fail(f);
            throw f;
        } catch (ExecutionException e) {
            TraceFailure f = e.getCause() instanceof TraceFailure tf ? tf
                    : new TraceFailure(TraceFailure.Kind.LAUNCH_FAILED, "tracing failed: " + e.getCause());
            fail(f);
            throw f;
        } catch (TimeoutException | InterruptedException e) {
            TraceFailure f = new TraceFailure(TraceFailure.Kind.LAUNCH_FAILED, "the tracer could not seize the program");
            fail(f);
            throw f;
        }
    }

    private void fail(TraceFailure f) {
        failure = f.getMessage();
        failureKind = f.kind();
        ProgramLauncher.Launched l = launched;
        if (l != null) {
            killQuietly(l.programPid());
            killQuietly(l.doorbellPid());
            l.shell().destroyForcibly();
        }
        state.set(ServerState.FAILED);
        events.state(l == null ? 0 : l.programPid(), ServerState.FAILED, f.getMessage());
        ended.countDown();
    }

    private static void killQuietly(int pid) {
        try {
            Ptrace.kill(pid, Signals.SIGKILL);
        } catch (RuntimeException e) {
            // gone
        }
    }

    private Injection decide(TracedCall call) {
        Optional<Errno> armed = faultPlan.take(call.stage);
        if (armed.isPresent()) {
            return Injection.errno(call.name(), armed.get(), 1);
        }
        return faults.next(call);
    }

    private void outputLine(ProgramOutput.Stream stream, String line) {
        if (stream == ProgramOutput.Stream.STDERR) {
            synchronized (stderrTail) {
                stderrTail.addLast(line);
                while (stderrTail.size() > KEPT_STDERR_LINES) {
                    stderrTail.removeFirst();
                }
            }
        }
        output.line(stream, line);
    }

    /** Told by the tracer thread. */
    private final class Owner implements TraceLoop.Owner {
        @Override
        public void bound(int port) {
            if (boundPort < 0) {
                boundPort = port;
            }
        }

        @Override
        public void listening(int tid, int fd, int backlog) {
            int pid = ProcStat.tgid(tid);
            int port = new ProcFds(KernelTcpTable.system()).localPort(tid, fd);
            listeners.add(new Listener(pid > 0 ? pid : tid, fd, port, backlog));
            if (port > 0 && !kernelViews.containsKey(port)) {
                // a regular look once a second; accept() and close() returning ask for a look at once
                KernelView view = new LinuxKernelView(LinuxKernelView.WINDOW_INTERVAL);
                kernelViews.put(port, view);
                view.start(port, backlog, snapshot -> bus.publish((seq, time) ->
                        new ServerEvent.KernelChanged(seq, time, Actor.KERNEL, snapshot)));
            }
            TracedProgram.this.listening.countDown();
        }

        @Override
        public void processEnded(int pid, boolean main, WaitStatus status) {
            if (main) {
                mainExit = ProgramExit.of(pid, status);
            }
            if (loop != null && loop.livePids().isEmpty()) {
                finish();
            }
        }

        @Override
        public void failed(String reason) {
            failure = reason;
        }

        @Override
        public void ended() {
            finish();
        }
    }

    /** Every process has ended (or the tracer could not go on): report how, once; stop watching the kernel. */
    private void finish() {
        if (ended.getCount() == 0 || !finished.compareAndSet(false, true)) {
            return;
        }
        kernelViews.values().forEach(KernelView::stop);
        synchronized (state) { // with stop(): a stop request is read and reported in one order
            ProgramExit exit = mainExit;
            ServerState end;
            String detail;
            if (failure != null) {
                end = ServerState.FAILED;
                detail = failure;
            } else if (stopRequested) {
                end = ServerState.STOPPED;
                detail = "stopped" + (exit == null ? "" : ": the program " + exit.text());
            } else if (exit == null) {
                end = ServerState.FAILED;
                detail = "the tracer stopped before the program ended; its processes were killed";
            } else if (exit.success()) {
                end = ServerState.STOPPED;
                detail = "the program " + exit.text();
            } else {
                end = ServerState.FAILED;
                detail = "the program " + exit.text();
            }
            state.set(end);
            events.state(exit == null ? 0 : exit.pid(), end, detail);
        }
        ended.countDown();
    }

    /** Ends the program: SIGTERM to each of its processes, SIGKILL to those still there after the grace period. */
    @Override
    public boolean stop(Duration timeout) {
        TraceLoop l = loop;
        long deadline = System.nanoTime() + timeout.toNanos();
        if (l == null || ended.getCount() == 0) {
            boolean done = l == null || l.awaitEnd(timeout);
            cleanUpLauncher(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            return done;
        }
        // "stop requested" reaches the bus before an end that the request led to (finish() takes the same lock)
        synchronized (state) {
            if (!stopRequested && state.compareAndSet(ServerState.RUNNING, ServerState.STOPPING)) {
                events.state(pid(), ServerState.STOPPING, "stop requested: SIGTERM to the program");
            }
            stopRequested = true;
        }
        gate.cancel();
        l.terminate();
        Duration grace = Duration.ofNanos(Math.max(0, (deadline - System.nanoTime()) / 2));
        if (!l.awaitEnd(grace)) {
            if (!l.livePids().isEmpty()) {
                events.notice(Actor.SERVER.inTask(pid()), "still running after " + grace.toMillis()
                        + " ms: SIGKILL to every process of the program");
            }
            l.killAll();
        }
        boolean done = l.awaitEnd(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
        cleanUpLauncher(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
        return done;
    }

    private void cleanUpLauncher(Duration wait) {
        ProgramLauncher.Launched l = launched;
        if (l == null) {
            return;
        }
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            if (!l.shell().waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                l.shell().destroyForcibly();
            }
            // the program's last lines (a perror() just before exit) are forwarded before its end is reported
            l.awaitOutput(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            l.shell().destroyForcibly();
        }
    }

    @Override
    public boolean awaitEnd(Duration timeout) {
        try {
            boolean done = ended.await(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            TraceLoop l = loop;
            if (done && l != null) {
                l.awaitEnd(Duration.ofSeconds(2));
                cleanUpLauncher(Duration.ofSeconds(1));
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the program listens on a socket; false when it ended or the time ran out first. */
    public boolean awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (listening.await(20, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (ended.getCount() == 0) {
                    return false;
                }
            }
            return listening.getCount() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean isRunning() {
        return ended.getCount() > 0 && state.get() != ServerState.IDLE;
    }

    @Override
    public ServerState state() {
        return state.get();
    }

    /** The port of the first socket the program listens on, else the port its first bind() took, or -1. */
    @Override
    public int boundPort() {
        return listeners.isEmpty() ? boundPort : listeners.get(0).port();
    }

    public List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /** The program's own process id (its children have their own), or 0 before start. */
    public int pid() {
        ProgramLauncher.Launched l = launched;
        return l == null ? 0 : l.programPid();
    }

    /** The processes of the program alive now. */
    public List<Integer> livePids() {
        TraceLoop l = loop;
        return l == null ? List.of() : l.livePids().stream().sorted().toList();
    }

    /** How many descriptors the program's processes hold together, from /proc. */
    public int openDescriptors() {
        return livePids().stream().mapToInt(ProcFds::count).filter(n -> n >= 0).sum();
    }

    /** How the program's own process ended, once it has. */
    public Optional<ProgramExit> exit() {
        return Optional.ofNullable(mainExit);
    }

    /** Why the program could not be traced (or traced on), if that happened. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** What kind of failure kept the program from being traced at all (not Linux, not found, …), if one did. */
    public Optional<TraceFailure.Kind> failureKind() {
        return Optional.ofNullable(failureKind);
    }

    /** The last lines the program wrote to its standard error. */
    public List<String> stderrTail() {
        synchronized (stderrTail) {
            return List.copyOf(stderrTail);
        }
    }

    /** The tracer's idle helper process (see Doorbell), for tests that check nothing is left running. */
    int doorbellPid() {
        ProgramLauncher.Launched l = launched;
        return l == null ? 0 : l.doorbellPid();
    }

    public ProgramCommand command() {
        return command;
    }

    public ProgramFaults faults() {
        return faults;
    }
}
