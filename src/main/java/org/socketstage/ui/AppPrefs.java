package org.socketstage.ui;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.socketstage.session.Session;
import org.socketstage.session.SessionSetup;
import org.socketstage.settings.Concurrency;
import org.socketstage.settings.ConfigRules;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;

/**
 * What is remembered between runs, in java.util.prefs under the node named by the system property
 * {@code socketstage.prefs.node} (default "socketstage"; tests use their own node): only the user's own
 * choices — window, theme, zoom, the settings the user chose and the pacing the user picked. A demonstration's
 * set-up (its settings, breakpoints, faults) is never written, so the next launch starts as before it.
 */
public final class AppPrefs {

    public static final String NODE_PROPERTY = "socketstage.prefs.node";
    private static final System.Logger LOG = System.getLogger(AppPrefs.class.getName());
    /** Keys written by earlier versions that remembered a demonstration's set-up; removed on the next save. */
    private static final String[] RETIRED_KEYS = {"breakpoints"};

    private final Preferences node;

    private AppPrefs(Preferences node) {
        this.node = node;
    }

    private static final int OLD_DEFAULT_MAX_CONNECTIONS = 64;

    public static AppPrefs open() {
        return new AppPrefs(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, "socketstage")));
    }

    /** The settings the user chose last time; any value that does not pass the rules today falls back to its default. */
    public ServerConfig settings() {
        ServerConfig d = ServerConfig.defaults();
        ServerConfig c = d;
        c = c.withPort(number("port", d.port(), ConfigRules.checkPort(node.get("port", "")).isEmpty()));
        String bind = node.get("bindAddress", d.bindHost());
        if (ConfigRules.checkBindAddress(bind).isEmpty()) {
            c = c.withBindHost(bind.trim());
        }
        c = c.withBacklog(number("backlog", d.backlog(), ConfigRules.checkBacklog(node.get("backlog", "")).isEmpty()));
        c = c.withReuseAddr(node.getBoolean("reuseAddr", d.reuseAddr()));
        c = c.withConcurrency(Concurrency.fromOption(node.get("concurrency", "")).orElse(d.concurrency()));
        c = c.withMaxConnections(number("maxConnections", d.maxConnections(),
                ConfigRules.checkMaxConnections(node.get("maxConnections", "")).isEmpty()));
        c = c.withRecvBufferSize(number("recvBuffer", d.recvBufferSize(),
                ConfigRules.checkRecvBuffer(node.get("recvBuffer", "")).isEmpty()));
        c = c.withIdleTimeoutSeconds(number("idleTimeout", d.idleTimeoutSeconds(),
                ConfigRules.checkIdleTimeout(node.get("idleTimeout", "")).isEmpty()));
        if (node.get("idleTimeout", null) == null) {
            // written before the class-sized defaults, which saved every value: the old defaults were not choices
            if (c.maxConnections() == OLD_DEFAULT_MAX_CONNECTIONS) {
                c = c.withMaxConnections(d.maxConnections());
            }
            if (c.concurrency() == Concurrency.THREAD_PER_CLIENT && c.backlog() == Concurrency.ITERATIVE.defaultBacklog()) {
                c = c.withBacklog(Concurrency.THREAD_PER_CLIENT.defaultBacklog());
            }
        }
        return c;
    }

    private int number(String key, int fallback, boolean valid) {
        return valid ? ConfigRules.parseInt(node.get(key, "")).orElse(fallback) : fallback;
    }

    public PacingMode mode() {
        return PacingMode.fromOption(node.get("mode", "")).orElse(SessionSetup.DEFAULT_MODE);
    }

    public long delayMillis() {
        long d = node.getLong("delayMillis", (long) node.getDouble("delayMillis", SessionSetup.DEFAULT_DELAY_MILLIS));
        return d < 0 || d > 60_000 ? SessionSetup.DEFAULT_DELAY_MILLIS : d;
    }

    /** A session set-up with what the user chose last time. */
    public SessionSetup applyTo(SessionSetup setup) {
        return setup.withConfig(settings()).withPacing(mode(), delayMillis());
    }

    public void loadPresentation(PresentationViewModel p) {
        p.setZoom(node.getDouble("zoom", 1.0));
        p.reduceMotionProperty().set(node.getBoolean("reduceMotion", false));
        try {
            p.themeProperty().set(PresentationViewModel.Theme.valueOf(node.get("theme", "LIGHT")));
        } catch (IllegalArgumentException e) {
            p.themeProperty().set(PresentationViewModel.Theme.LIGHT);
        }
    }

    /** Writes the user's own choices: the session's user settings and pacing, theme, zoom and reduced motion. */
    public void saveFrom(Session session, PresentationViewModel presentation) {
        ServerConfig s = session.userConfig();
        node.put("port", Integer.toString(s.port()));
        node.put("bindAddress", s.bindHost());
        node.put("backlog", Integer.toString(s.backlog()));
        node.putBoolean("reuseAddr", s.reuseAddr());
        node.put("concurrency", s.concurrency().optionName());
        node.put("maxConnections", Integer.toString(s.maxConnections()));
        node.put("recvBuffer", Integer.toString(s.recvBufferSize()));
        node.put("idleTimeout", Integer.toString(s.idleTimeoutSeconds()));
        node.put("mode", session.userMode().name());
        node.putLong("delayMillis", session.userDelayMillis());
        for (String retired : RETIRED_KEYS) {
            node.remove(retired);
        }
        node.putDouble("zoom", presentation.zoomProperty().get());
        node.put("theme", presentation.themeProperty().get().name());
        node.putBoolean("reduceMotion", presentation.reduceMotionProperty().get());
    }

    /** The key that says a window has greeted this user once (the benchmark sets it to start as a later launch). */
    public static final String WELCOMED = "welcomed";

    /** True until a window has greeted this user once (Lessons tab, guided tour). */
    public boolean firstLaunch() {
        return !node.getBoolean(WELCOMED, false);
    }

    public void firstLaunchDone() {
        node.putBoolean(WELCOMED, true);
    }

    /** The size and place of last time, kept on the screens there are now (see {@link WindowPlace}). */
    public void restoreWindow(Stage stage) {
        WindowPlace place = WindowPlace.choose(node.getDouble("window.width", Double.NaN),
                node.getDouble("window.height", Double.NaN), node.getDouble("window.x", Double.NaN),
                node.getDouble("window.y", Double.NaN),
                Screen.getScreens().stream().map(Screen::getVisualBounds).toList(),
                Screen.getPrimary().getVisualBounds());
        stage.setWidth(place.width());
        stage.setHeight(place.height());
        if (place.centred()) {
            stage.centerOnScreen();
        } else {
            stage.setX(place.x());
            stage.setY(place.y());
        }
        stage.setMaximized(node.getBoolean("window.maximized", false));
    }

    public void saveWindow(Stage stage) {
        node.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized() && !stage.isFullScreen()) {
            node.putDouble("window.width", stage.getWidth());
            node.putDouble("window.height", stage.getHeight());
            node.putDouble("window.x", stage.getX());
            node.putDouble("window.y", stage.getY());
        }
    }

    /** Forgets everything stored (tests start from a clean node). */
    public void clear() {
        try {
            node.clear();
            node.flush();
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "could not clear preferences: " + e.getMessage());
        }
    }

    /** Writes what was put to the backing store; one write for window and settings together. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // settings not remembered is a nuisance, not a reason to stop the app
            LOG.log(System.Logger.Level.WARNING, "could not save preferences: " + e.getMessage());
        }
    }
}
