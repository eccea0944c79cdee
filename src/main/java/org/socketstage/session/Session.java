package org.socketstage.session;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.socketstage.client.ClientFleet;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.EventTypes;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.instructor.Classroom;
import org.socketstage.log.LazyLogger;
import org.socketstage.record.EventSpool;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.KernelView;
import org.socketstage.server.Server;
import org.socketstage.server.StepGate;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.socket.SocketApi;

/**
 * The running session, owned outside any window: the event bus, the socket layer, the settings, the step
 * gate and its breakpoints, the instructor's fault plan, the current server and the client panel's clients.
 * The trace mode, the window and the tests each drive one. Thread-safe; nothing here blocks the caller
 * except the methods that say they wait (the instructor's set-ups, which run on the background executor).
 *
 * <p>Every change of settings or pacing is published on the bus ({@link ServerEvent.SettingsChanged},
 * {@link ServerEvent.PacingChanged}), so every view follows the one truth through the one door.
 */
public final class Session implements Classroom, AutoCloseable {

    public static final Duration STOP_TIMEOUT = Duration.ofMillis(1500);
    /** With a transcript, how much longer close() waits for a slow server's last calls. */
    private static final Duration RECORD_END_WAIT = Duration.ofSeconds(3);
    /** A second close() waits this long for the first to finish writing the records. */
    private static final Duration SECOND_CLOSE_WAIT = Duration.ofSeconds(10);
    private static final Duration START_WAIT = Duration.ofSeconds(3);
    private static final System.Logger LOG = LazyLogger.of(Session.class);

    private final EventBus bus;
    private final SocketApi api;
    private final Supplier<KernelView> kernelViews;
    /** The kernel view of the latest run, nudged when the app's own clients connect or close. */
    private volatile KernelView serverKernelView = KernelView.NONE;
    private final StepGate gate;
    private final FaultPlan faults = new FaultPlan();
    private final ClientFleet fleet;
    private final SessionClients clients;
    private final AfterStopWatch afterStop;
    private final ExecutorService control = namedThread("socketstage-control");
    private final ExecutorService background = namedThread("socketstage-background");
    private final Object lock = new Object();

    private volatile ServerConfig config;
    private volatile ServerConfig userConfig;
    private volatile PacingMode userMode;
    private volatile long userDelayMillis;
    private volatile ServerSource source = ServerSource.OWN;
    private volatile Server server;
    private volatile boolean closed;
    private final SessionRecords records;
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
    private final EventBus.Subscription endWatch;
    private final IdleMemoryReturn memoryReturn;

    public Session(SessionSetup setup) {
        this.bus = setup.bus();
        this.api = Objects.requireNonNull(setup.api(), "socket layer");
        this.kernelViews = setup.kernelViews();
        this.config = setup.config();
        this.userConfig = setup.config();
        this.userMode = setup.mode();
        this.userDelayMillis = setup.delayMillis();
        this.gate = new StepGate(setup.mode(), setup.delayMillis());
        this.fleet = new ClientFleet(api, bus);
        fleet.whenSocketsChange(this::nudgeKernelViews);
        this.clients = new SessionClients(fleet, this::config, this::serverPort);
        this.afterStop = new AfterStopWatch(bus, kernelViews);
        this.records = new SessionRecords(bus);
        gate.onPacingChange(this::publishPacing);
        // it must see every end of a run, and takes next to no time per event: it never loses one
        this.endWatch = bus.subscribe("session", EventTypes.only(ServerEvent.StateChanged.class), this::runEnded,
                EventBus.DEFAULT_QUEUE_CAPACITY, EventBus.Delivery.KEEP_ALL);
        this.memoryReturn = IdleMemoryReturn.forSession(bus::lastSeq);
    }

    private static ExecutorService namedThread(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    // ---- settings

    @Override
    public SocketApi socketApi() {
        return api;
    }

    @Override
    public EventBus bus() {
        return bus;
    }

    /** The settings the next start uses. */
    @Override
    public ServerConfig config() {
        return config;
    }

    /** A demonstration's settings: used from the next start on, never remembered as the user's choice. */
    @Override
    public void configure(ServerConfig newConfig) {
        apply(newConfig, false);
    }

    /** Settings the user chose (typed, or passed at launch): these are the ones worth remembering. */
    public void configureByUser(ServerConfig newConfig) {
        apply(newConfig, true);
    }

    private void apply(ServerConfig newConfig, boolean byUser) {
        Objects.requireNonNull(newConfig, "config");
        synchronized (lock) {
            config = newConfig;
            if (byUser) {
                userConfig = newConfig;
            }
        }
        bus.publish((seq, time) -> new ServerEvent.SettingsChanged(seq, time, Actor.SERVER, newConfig, byUser));
    }

    /** The last settings the user chose, whatever a demonstration has set since. */
    public ServerConfig userConfig() {
        return userConfig;
    }

    public PacingMode userMode() {
        return userMode;
    }

    public long userDelayMillis() {
        return userDelayMillis;
    }

    /** Back to a first launch: default settings and pacing, no breakpoints, no armed faults. */
    public void resetToDefaults() {
        faults.clearAll();
        gate.setBreakpoints(java.util.Set.of());
        chooseMode(SessionSetup.DEFAULT_MODE);
        chooseDelay(SessionSetup.DEFAULT_DELAY_MILLIS);
        configureByUser(ServerConfig.defaults());
    }

    /** Says the current settings and pacing again, for a view that has just started listening. */
    public void republish() {
        ServerConfig c = config;
        bus.publish((seq, time) -> new ServerEvent.SettingsChanged(seq, time, Actor.SERVER, c, c.equals(userConfig)));
        publishPacing();
    }

    // ---- pacing: what the toolbar and keyboard ask for (the user's choice, remembered)

    /** The user picks a pacing mode; a server that is not running starts in it. */
    public void chooseMode(PacingMode mode) {
        userMode = mode;
        gate.setMode(mode);
    }

    public void chooseDelay(long millis) {
        userDelayMillis = Math.max(0, millis);
        gate.setDelayMillis(userDelayMillis);
    }

    /**
     * Lets the held call run. When nothing is held in run or live mode, switches to step mode so the next call
     * waits; when no server runs, starts one in step mode.
     */
    public void step() {
        if (!serverActive()) {
            chooseMode(PacingMode.STEP);
            start();
            return;
        }
        if (!gate.step() && gate.mode() != PacingMode.STEP) {
            chooseMode(PacingMode.STEP);
        }
    }

    public void run() {
        changeMode(PacingMode.RUN);
    }

    public void live() {
        changeMode(PacingMode.LIVE);
    }

    private void changeMode(PacingMode mode) {
        chooseMode(mode);
        gate.resume();
        if (!serverActive()) {
            start();
        }
    }

    public void pause() {
        gate.pause();
    }

    public void setBreakpoint(Step step, boolean on) {
        gate.setBreakpoint(step, on);
    }

    private void publishPacing() {
        bus.publish((seq, time) -> new ServerEvent.PacingChanged(seq, time, Actor.SERVER, gate.mode(),
                gate.delayMillis(), gate.paused(), gate.breakpoints()));
    }

    @Override
    public StepGate gate() {
        return gate;
    }

    @Override
    public FaultPlan faults() {
        return faults;
    }

    // ---- the server

    /** What the next start runs (SocketStage's own server unless told otherwise). */
    public void useServerSource(ServerSource next) {
        source = Objects.requireNonNull(next, "server source");
    }

    /** Starts a server run on the control thread; returns at once. Ignored while one is running. */
    public Future<?> start() {
        return submitControl(this::startNow);
    }

    private void startNow() {
        if (closed || serverActive()) {
            return;
        }
        afterStop.stop();
        ServerConfig c = config;
        gate.reset();
        Server s = null;
        try {
            KernelView view = kernelViews.get();
            serverKernelView = view;
            s = source.create(new ServerSource.Parts(c, api, gate, bus, faults, view));
            server = s;
            s.start();
        } catch (RuntimeException e) {
            // the server never ran, so it published nothing: say so on the one event stream, and let Start try again
            server = null;
            if (s != null && s.state() == ServerState.FAILED) {
                // it said why on the bus itself (a traced program that could not be started, e.g. a mistyped
                // name): the user's own mistake, already shown, not a warning with a stack trace on the terminal
                LOG.log(System.Logger.Level.DEBUG, "the server could not start", e);
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "could not start the server", e);
            bus.publish((seq, time) -> new ServerEvent.StateChanged(seq, time, Actor.SERVER,
                    ServerState.FAILED, "could not start the server: " + e.getMessage()));
            return;
        }
    }

    /**
     * However a run ends (Stop, a failed bind, a program that exits), the kernel still holds what matters
     * next: TIME_WAIT rows, clients still queued. Keep showing it until the kernel lets go.
     */
    private void runEnded(ServerEvent event) {
        if (event instanceof ServerEvent.StateChanged s && s.actor().kind() == Actor.Kind.SERVER
                && (s.state() == ServerState.STOPPED || s.state() == ServerState.FAILED) && !closed) {
            afterStop.watch(serverPort());
        }
    }

    /** Stops the server on the control thread; returns at once. */
    public Future<?> stop() {
        return submitControl(() -> stopNow(STOP_TIMEOUT));
    }

    private void stopNow(Duration timeout) {
        Server s = server;
        if (s == null) {
            return;
        }
        try {
            gate.cancel();
            if (!s.stop(timeout)) {
                bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, Actor.SERVER,
                        "the server did not stop within " + timeout.toMillis() + " ms"));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "stopping the server failed", e);
            bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, Actor.SERVER,
                    "stopping the server failed: " + e.getMessage()));
        }
    }

    private Future<?> submitControl(Runnable work) {
        if (closed) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        try {
            return control.submit(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
    }

    /** True from start() until the server has ended. */
    public boolean serverActive() {
        Server s = server;
        return s != null && (s.isRunning() || s.state() == ServerState.IDLE);
    }

    /** The server of the current or last run. */
    public Optional<Server> server() {
        return Optional.ofNullable(server);
    }

    @Override
    public boolean serverRunning() {
        Server s = server;
        return s != null && s.isRunning();
    }

    /** Starts a run and waits until its thread has started (an instructor's set-up needs the server up). */
    @Override
    public void startServer() {
        Server before = server;
        await(start(), START_WAIT);
        Server now = server;
        if (now == null || now == before) {
            throw new IllegalStateException("the server did not start (is one still running?)");
        }
    }

    /** Stops the server and waits until its sockets are closed. */
    @Override
    public void stopServer() {
        await(stop(), STOP_TIMEOUT.plusSeconds(1));
    }

    private static void await(Future<?> f, Duration timeout) {
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the session did not answer within " + timeout.toMillis() + " ms");
        }
    }

    @Override
    public int serverPort() {
        Server s = server;
        return s == null ? -1 : s.boundPort();
    }

    // ---- clients and background work

    /** The client panel's clients (thread-safe). */
    public ClientFleet fleet() {
        return fleet;
    }

    @Override
    public ClientDriver clients() {
        return clients;
    }

    @Override
    public boolean awaitEvent(Predicate<ServerEvent> match, Duration timeout) {
        return bus.awaitEvent(match, timeout);
    }

    /** Where views send slow work (an instructor's set-up, an export), so no view owns a thread. */
    public Executor background() {
        return command -> {
            if (!closed) {
                background.execute(command);
            }
        };
    }

    /** Our own clients connected or closed: the kernel views look now rather than at their next regular look. */
    private void nudgeKernelViews() {
        serverKernelView.nudge();
        afterStop.nudge();
    }

    /**
     * Every event of the session on disk, for exports (opened on first use, deleted when the session closes).
     *
     * @throws IOException when the temp folder cannot be written
     */
    public EventSpool spool() throws IOException {
        return records.spool();
    }

    /**
     * Writes every event from now on to {@code file} as JSON Lines, until the session closes. A file that cannot
     * be opened is reported as a notice on the bus and on standard error; the session goes on without it.
     */
    public void recordTranscript(java.nio.file.Path file) {
        records.recordTranscript(file);
    }

    /**
     * How the session's record ended, for the exit status: 0 when nothing was lost, {@link #EVENTS_NOT_SHOWN} when
     * a view lost events (the transcript and the export still have them), {@link #RECORD_INCOMPLETE} when the
     * transcript or the spool behind the export is missing events. Meaningful after close().
     */
    public int recordStatus() {
        return records.status();
    }

    /**
     * Whether close() says on standard error what was lost (on by default). The trace mode reports itself,
     * since its terminal output is drained after the server stops.
     */
    public void reportLossesOnClose(boolean on) {
        records.reportLossesOnClose(on);
    }

    /** Exit status when a view (or the terminal) could not show every event. */
    public static final int EVENTS_NOT_SHOWN = SessionRecords.EVENTS_NOT_SHOWN;
    /** Exit status when the transcript or the export's spool is missing events (e.g. a full disk). */
    public static final int RECORD_INCOMPLETE = SessionRecords.RECORD_INCOMPLETE;

    // ---- the end

    /**
     * Ends everything: stops the server (waiting at most {@link #STOP_TIMEOUT}, so the port is free), closes
     * every client, stops the background work. Runs once; later calls return at once.
     */
    @Override
    public void close() {
        boolean first;
        synchronized (lock) {
            first = !closed;
            closed = true;
        }
        if (!first) {
            // another thread is closing (e.g. a shutdown hook racing the window): let it finish the records
            awaitClosed(SECOND_CLOSE_WAIT);
            return;
        }
        try {
            gate.cancel();
            Server s = server;
            if (s != null && !s.stop(STOP_TIMEOUT) && records.hasTranscript()) {
                // the port must be free soon, but the transcript wants the server's last calls too
                s.awaitEnd(RECORD_END_WAIT);
            }
            afterStop.stop();
            endWatch.close();
            fleet.close();
            records.finish();
        } finally {
            // even when a step failed: a second close (a signal racing the window) must not wait for nothing
            ended.countDown();
            control.shutdownNow();
            background.shutdownNow();
            memoryReturn.close();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Waits until close() has finished (the port is free); true if it has within the timeout. */
    public boolean awaitClosed(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
