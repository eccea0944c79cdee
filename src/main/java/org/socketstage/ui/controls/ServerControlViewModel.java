package org.socketstage.ui.controls;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import org.socketstage.event.Actor;
import java.util.function.Supplier;
import org.socketstage.event.EventBus;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.KernelView;
import org.socketstage.server.ProcKernelView;
import org.socketstage.server.LifecycleServer;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.server.StepGate;
import org.socketstage.socket.SocketApi;
import org.socketstage.ui.EventSink;

/**
 * Start, Step, Run, Pause, Live and Stop. Builds a new {@link LifecycleServer} for each start, with one
 * {@link StepGate} that lives as long as the app so mode, delay and breakpoints carry over between runs.
 * Starting and stopping happen on a named control thread, never on the FX thread; what the server then does
 * comes back as events (this is a live-only sink: it follows the real server, not the scrubbed view).
 */
public final class ServerControlViewModel implements EventSink, AutoCloseable {

    public static final long MIN_DELAY_MS = 50;
    public static final long MAX_DELAY_MS = 3000;

    /** The server's life as the controls need it. */
    public enum Phase { IDLE, STARTING, RUNNING, STOPPING, STOPPED, FAILED }

    private final SettingsViewModel settings;
    private final SocketApi api;
    private final EventBus bus;
    private final StepGate gate = new StepGate(PacingMode.RUN, 600);
    private final FaultPlan faults = new FaultPlan();
    private final Supplier<KernelView> kernelViews;
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "socketstage-control");
        t.setDaemon(true);
        return t;
    });
    private LifecycleServer server;

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final ObjectProperty<PacingMode> mode = new SimpleObjectProperty<>(PacingMode.RUN);
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final DoubleProperty delayMillis = new SimpleDoubleProperty(600);
    private final ObservableSet<Step> breakpoints = FXCollections.observableSet(EnumSet.noneOf(Step.class));
    private final BooleanBinding serverActive;
    private final BooleanBinding canStart;

    public ServerControlViewModel(SettingsViewModel settings, SocketApi api, EventBus bus) {
        this(settings, api, bus, ProcKernelView::new);
    }

    /** @param kernelViews makes the kernel view for each run (the /proc watcher on Linux) */
    public ServerControlViewModel(SettingsViewModel settings, SocketApi api, EventBus bus,
            Supplier<KernelView> kernelViews) {
        this.settings = settings;
        this.kernelViews = kernelViews;
        this.api = api;
        this.bus = bus;
        serverActive = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.STARTING || phase.get() == Phase.RUNNING || phase.get() == Phase.STOPPING,
                phase);
        canStart = Bindings.createBooleanBinding(() -> !serverActive.get() && settings.isValid(),
                serverActive, settings.validProperty());
        delayMillis.addListener((o, a, b) -> gate.setDelayMillis(b.longValue()));
        breakpoints.addListener((SetChangeListener<Step>) c -> gate.setBreakpoints(EnumSet.copyOf(withNone())));
    }

    private java.util.Set<Step> withNone() {
        EnumSet<Step> s = EnumSet.noneOf(Step.class);
        s.addAll(breakpoints);
        return s;
    }

    public void start() {
        if (!canStart.get()) {
            return;
        }
        ServerConfig config = settings.toConfig().orElseThrow();
        gate.reset();
        gate.setMode(mode.get());
        gate.setDelayMillis((long) delayMillis.get());
        paused.set(false);
        LifecycleServer s = new LifecycleServer(config, api, gate, bus, faults, kernelViews.get());
        server = s;
        phase.set(Phase.STARTING);
        control.execute(() -> {
            try {
                s.start();
            } catch (RuntimeException e) {
                // the server never ran, so it published nothing: say so on the one event stream
                bus.publish((seq, time) -> new ServerEvent.StateChanged(seq, time, Actor.SERVER,
                        ServerState.FAILED, "could not start the server: " + e.getMessage()));
            }
        });
    }

    /**
     * Lets the held call run. When nothing is held in run or live mode, switches to step mode so the next call
     * waits; when no server runs, starts one in step mode.
     */
    public void step() {
        if (!serverActive.get()) {
            stepMode();
            start();
            return;
        }
        if (!gate.step() && mode.get() != PacingMode.STEP) {
            stepMode();
        }
    }

    public void run() {
        changeMode(PacingMode.RUN);
    }

    public void live() {
        changeMode(PacingMode.LIVE);
    }

    private void changeMode(PacingMode newMode) {
        mode.set(newMode);
        gate.setMode(newMode);
        paused.set(false);
        gate.resume();
        if (!serverActive.get()) {
            start();
        }
    }

    /**
     * Takes over what someone else set on the gate (an instructor's set-up arms breakpoints and pacing there),
     * so that the toolbar and the lane show it and the next start() keeps it.
     */
    public void adoptGate() {
        java.util.Set<Step> armed = gate.breakpoints();
        breakpoints.retainAll(armed);
        breakpoints.addAll(armed);
        mode.set(gate.mode());
        delayMillis.set(Math.max(MIN_DELAY_MS, Math.min(MAX_DELAY_MS, gate.delayMillis())));
    }

    public void stepMode() {
        mode.set(PacingMode.STEP);
        gate.setMode(PacingMode.STEP);
    }

    public void pause() {
        paused.set(true);
        gate.pause();
    }

    /** Stops the server on the control thread; the FX thread never waits for it. */
    public void stop() {
        LifecycleServer s = server;
        if (s == null || !serverActive.get()) {
            return;
        }
        phase.set(Phase.STOPPING);
        control.execute(() -> stopNow(s, Duration.ofSeconds(2)));
    }

    private void stopNow(LifecycleServer s, Duration timeout) {
        try {
            gate.cancel();
            if (!s.stop(timeout)) {
                bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, Actor.SERVER,
                        "the server did not stop within " + timeout.toMillis() + " ms"));
            }
        } catch (RuntimeException e) {
            bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, Actor.SERVER,
                    "stopping the server failed: " + e.getMessage()));
        }
    }

    @Override
    public void reset() {
        // live-only: the controls follow the real server and are never replayed
    }

    @Override
    public void apply(ServerEvent event) {
        if (event instanceof ServerEvent.StateChanged s && s.actor().kind() == Actor.Kind.SERVER) {
            switch (s.state()) {
                case RUNNING -> phase.set(phase.get() == Phase.STOPPING ? Phase.STOPPING : Phase.RUNNING);
                case STOPPING -> phase.set(Phase.STOPPING);
                case STOPPED -> phase.set(Phase.STOPPED);
                case FAILED -> phase.set(Phase.FAILED);
                default -> { }
            }
        }
    }

    /**
     * Stops the server and the control thread, waiting at most {@code timeout}: for closing the window, where
     * the port must be free before the app exits.
     */
    public boolean shutdown(Duration timeout) {
        LifecycleServer s = server;
        Future<?> f = s == null ? null : control.submit(() -> stopNow(s, timeout));
        control.shutdown();
        try {
            if (f != null) {
                f.get(timeout.toMillis() + 200, TimeUnit.MILLISECONDS);
            }
            return control.awaitTermination(200, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            control.shutdownNow();
            return false;
        }
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(1));
    }

    public StepGate gate() {
        return gate;
    }

    /** Simulated faults an instructor arms; they carry over between runs like the gate. */
    public FaultPlan faults() {
        return faults;
    }

    /** The server of the current or last run, if any. */
    public java.util.Optional<LifecycleServer> server() {
        return java.util.Optional.ofNullable(server);
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ObjectProperty<PacingMode> modeProperty() {
        return mode;
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused;
    }

    /** Run mode's pause before each call, in milliseconds. */
    public DoubleProperty delayMillisProperty() {
        return delayMillis;
    }

    public ObservableSet<Step> breakpoints() {
        return breakpoints;
    }

    public BooleanBinding serverActiveProperty() {
        return serverActive;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }
}
