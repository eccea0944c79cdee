package org.socketstage.ui.controls;

import java.util.EnumSet;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.session.Session;
import org.socketstage.settings.PacingMode;
import org.socketstage.ui.EventSink;

/**
 * Start, Step, Run, Pause, Live and Stop, as the toolbar, the keyboard and the lane's breakpoints show them.
 * The session owns the server and its pacing; this only forwards the user's actions and shows what the
 * session reports back (a live-only sink: it follows the real session, never the scrubbed view).
 */
public final class ServerControlViewModel implements EventSink {

    public static final long MIN_DELAY_MS = 50;
    public static final long MAX_DELAY_MS = 3000;

    /** The server's life as the controls need it. */
    public enum Phase { IDLE, STARTING, RUNNING, STOPPING, STOPPED, FAILED }

    private final Session session;
    private final SettingsViewModel settings;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final ObjectProperty<PacingMode> mode = new SimpleObjectProperty<>(PacingMode.RUN);
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final DoubleProperty delayMillis = new SimpleDoubleProperty(600);
    private final ObservableSet<Step> breakpoints = FXCollections.observableSet(EnumSet.noneOf(Step.class));
    private final BooleanBinding serverActive;
    private final BooleanBinding canStart;
    private final ObservableSet<Step> breakpointsView = FXCollections.unmodifiableObservableSet(breakpoints);
    /** Delays this view asked for lately: their echoes must not move a slider the user is still dragging. */
    private final java.util.ArrayDeque<Long> requestedDelays = new java.util.ArrayDeque<>();

    public ServerControlViewModel(Session session, SettingsViewModel settings) {
        this.session = session;
        this.settings = settings;
        mode.set(session.gate().mode());
        delayMillis.set(clampDelay(session.gate().delayMillis()));
        breakpoints.addAll(session.gate().breakpoints());
        serverActive = Bindings.createBooleanBinding(
                () -> phase.get() == Phase.STARTING || phase.get() == Phase.RUNNING || phase.get() == Phase.STOPPING,
                phase);
        canStart = Bindings.createBooleanBinding(() -> !serverActive.get() && settings.isValid(),
                serverActive, settings.validProperty());
        delayMillis.addListener((o, a, b) -> {
            long wanted = Math.round(b.doubleValue());
            if (wanted != session.gate().delayMillis()) {
                if (requestedDelays.size() == 32) {
                    requestedDelays.removeFirst();
                }
                requestedDelays.addLast(wanted);
                session.chooseDelay(wanted);
            }
        });
    }

    private static double clampDelay(long millis) {
        return Math.max(MIN_DELAY_MS, Math.min(MAX_DELAY_MS, millis));
    }

    public void start() {
        if (!canStart.get()) {
            return;
        }
        phase.set(Phase.STARTING);
        session.start();
    }

    /**
     * Lets the held call run. When nothing is held in run or live mode, switches to step mode so the next call
     * waits; when no server runs, starts one in step mode.
     */
    public void step() {
        if (!serverActive.get()) {
            if (!canStart.get()) {
                return;
            }
            phase.set(Phase.STARTING);
        }
        session.step();
    }

    public void run() {
        startingIfIdle();
        session.run();
    }

    public void live() {
        startingIfIdle();
        session.live();
    }

    private void startingIfIdle() {
        if (!serverActive.get() && canStart.get()) {
            phase.set(Phase.STARTING);
        }
    }

    public void stepMode() {
        session.chooseMode(PacingMode.STEP);
    }

    public void pause() {
        session.pause();
    }

    /** Stops the server; the FX thread never waits for it. */
    public void stop() {
        if (!serverActive.get()) {
            return;
        }
        phase.set(Phase.STOPPING);
        session.stop();
    }

    public void setBreakpoint(Step step, boolean on) {
        if (breakpoints.contains(step) != on) {
            session.setBreakpoint(step, on);
        }
    }

    @Override
    public void reset() {
        // live-only: the controls follow the real session and are never replayed
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
        } else if (event instanceof ServerEvent.PacingChanged p) {
            mode.set(p.mode());
            paused.set(p.paused());
            if (!requestedDelays.remove(p.delayMillis())) {
                delayMillis.set(clampDelay(p.delayMillis()));
            }
            Set<Step> now = p.breakpoints();
            breakpoints.retainAll(now);
            breakpoints.addAll(now);
        }
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyObjectProperty<PacingMode> modeProperty() {
        return mode;
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused;
    }

    /** Run mode's pause before each call, in milliseconds; setting it asks the session for that delay. */
    public DoubleProperty delayMillisProperty() {
        return delayMillis;
    }

    /** The breakpoints the session holds; change them with {@link #setBreakpoint}. */
    public ObservableSet<Step> breakpoints() {
        return breakpointsView;
    }

    public BooleanBinding serverActiveProperty() {
        return serverActive;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }
}
