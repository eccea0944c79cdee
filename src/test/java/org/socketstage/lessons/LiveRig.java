package org.socketstage.lessons;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.LifecycleServer;
import org.socketstage.settings.PacingMode;
import org.socketstage.server.LinuxKernelView;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.server.StepGate;
import org.socketstage.socket.NativeSocketApi;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SyscallException;
import org.socketstage.tracer.PracticeProgram;
import org.socketstage.tracer.ProgramFaults;
import org.socketstage.tracer.ProgramOutput;
import org.socketstage.tracer.Programs;
import org.socketstage.tracer.TracedProgram;

/**
 * The real engine for one try-it task: a LifecycleServer with the native socket layer and the /proc kernel
 * view on 127.0.0.1 (or a traced practice program in its place), its event bus feeding a TaskTracker that
 * knows only this task.
 */
final class LiveRig implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    final EventBus bus = new EventBus();
    final StepGate gate = new StepGate(PacingMode.LIVE, 0);
    final FaultPlan faults = new FaultPlan();
    final SocketApi api = new NativeSocketApi();
    final TaskTracker tracker;
    final TryItTask task;
    private final List<ServerEvent> events = new CopyOnWriteArrayList<>();
    private final List<EventBus.Subscription> subscriptions = new ArrayList<>();
    private final List<LifecycleServer> servers = new ArrayList<>();
    private final List<TracedProgram> programs = new ArrayList<>();
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    LiveRig(TryItTask task) {
        this.task = task;
        this.tracker = new TaskTracker(List.of(task));
        subscriptions.add(bus.subscribe("lesson-tracker", tracker));
        subscriptions.add(bus.subscribe("lesson-test-record", events::add));
    }

    static ServerConfig config() {
        return ServerConfig.defaults().withPort(0);
    }

    /** A port that was free a moment ago, for runs that must reuse one port. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    LifecycleServer start(ServerConfig config) {
        LifecycleServer s = new LifecycleServer(config, api, gate, bus, faults, new LinuxKernelView());
        servers.add(s);
        s.start();
        return s;
    }

    /**
     * What File → Trace a program… does: one of the practice programs (compiled here; the task is skipped
     * without a C compiler) runs under the tracer on this rig's bus, gate and fault plan, in place of the
     * server. Returns once it listens on {@code port}.
     */
    TracedProgram trace(PracticeProgram program, int port) {
        TracedProgram p = new TracedProgram(Programs.of(program, port), bus, gate, faults, new ProgramFaults(),
                ProgramOutput.NONE);
        programs.add(p);
        p.start();
        if (!p.awaitListening(WAIT)) {
            throw new AssertionError(program.file() + " did not listen on " + port + ": " + p.state());
        }
        return p;
    }

    /** Starts the server and waits until it sits in accept() (or is held just before it). */
    LifecycleServer startAndAwaitAccept(ServerConfig config) {
        LifecycleServer s = start(config);
        await().atMost(WAIT).until(() -> started(Step.ACCEPT) > 0 && s.boundPort() > 0);
        return s;
    }

    void stop(LifecycleServer s) {
        s.stop(Duration.ofSeconds(3));
    }

    long started(Step stage) {
        return events.stream().filter(e -> e instanceof ServerEvent.CallStarted c && c.stage() == stage).count();
    }

    long returned(Predicate<ServerEvent.CallReturned> match) {
        return events.stream().filter(e -> e instanceof ServerEvent.CallReturned r && match.test(r)).count();
    }

    /** Waits until the engine has begun a call of this name (say poll(), which it makes only when it must wait). */
    void awaitStarted(String call) {
        await().atMost(WAIT).until(() -> events.stream()
                .anyMatch(e -> e instanceof ServerEvent.CallStarted c && c.call().equals(call)));
    }

    void awaitReturned(Predicate<ServerEvent.CallReturned> match) {
        await().atMost(WAIT).until(() -> returned(match) > 0);
    }

    /** Waits until the engine has published a kernel snapshot that matches. */
    void awaitKernel(Predicate<KernelSnapshot> match) {
        await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e instanceof ServerEvent.KernelChanged k
                && k.snapshot().available() && match.test(k.snapshot())));
    }

    void awaitHeld(Step stage) {
        await().atMost(WAIT).until(() -> gate.held().stream().anyMatch(h -> h.stage() == stage));
    }

    /** Waits for the task; a timeout names it and shows what the bus carried, the way a failing CI run needs. */
    void awaitAchieved(Duration timeout) {
        try {
            await().atMost(timeout).until(() -> tracker.isAchieved(task.id()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("task " + task.id() + " not achieved within " + timeout.toSeconds()
                    + " s; its goals: " + task.goals() + "\nthe bus carried " + events.size() + " events, the last "
                    + "ones:\n" + lastEvents(60), e);
        }
    }

    private String lastEvents(int count) {
        List<ServerEvent> all = List.copyOf(events);
        StringBuilder text = new StringBuilder();
        for (ServerEvent e : all.subList(Math.max(0, all.size() - count), all.size())) {
            String line = String.valueOf(e);
            text.append("  ").append(line, 0, Math.min(line.length(), 300)).append('\n');
        }
        return text.toString();
    }

    /** A client of the client panel itself: its calls (connect, recv, …) go onto this rig's bus. */
    org.socketstage.client.TeachingClient panelClient(int port) {
        org.socketstage.client.TeachingClient c = closeAtEnd(
                new org.socketstage.client.TeachingClient(api, bus, SockAddrIn.loopback(port), 5000).start());
        c.connect();
        return c;
    }

    <T extends AutoCloseable> T closeAtEnd(T resource) {
        closeLater.add(resource);
        return resource;
    }

    /**
     * What the client panel does for a connect: a real connect() through the socket layer, reported on the bus
     * as a call of a client socket with its real result.
     */
    void clientConnect(int port) throws SyscallException {
        clientConnect("127.0.0.1", port, 3000);
    }

    /** The same to another address (e.g. 127.0.0.2, also loopback on Linux) and with a connect timeout. */
    void clientConnect(String host, int port, int timeoutMillis) throws SyscallException {
        int fd = api.socketTcp();
        SockAddrIn to;
        try {
            to = SockAddrIn.of(host, port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(host, e);
        }
        Actor actor = Actor.client(fd, null);
        long start = System.nanoTime();
        try {
            api.connect(fd, to, timeoutMillis);
            publishClientCall(actor, to, 0, null, start);
        } catch (SyscallException e) {
            publishClientCall(actor, to, -1, e, start);
        } finally {
            api.close(fd);
        }
    }

    private void publishClientCall(Actor actor, SockAddrIn to, long result, SyscallException e, long startNanos) {
        long micros = (System.nanoTime() - startNanos) / 1000;
        bus.publish((seq, time) -> new ServerEvent.CallReturned(seq, time, actor, Step.ACCEPT, "connect",
                actor.fd() + ", " + to.straceText() + ", 16", result, e == null ? null : e.errno(),
                e != null && e.simulated(), null, null, to, null, micros));
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closeLater) {
            try {
                c.close();
            } catch (Exception ignored) {
                // a client that is already gone
            }
        }
        for (LifecycleServer s : servers) {
            s.stop(Duration.ofSeconds(3));
        }
        for (TracedProgram p : programs) {
            p.stop(Duration.ofSeconds(3));
        }
        subscriptions.forEach(EventBus.Subscription::close);
    }

    @Override
    public String toString() {
        return task.id() + " at " + Instant.now();
    }
}
