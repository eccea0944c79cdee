package org.socketstage.ui;

import java.util.EnumSet;
import java.util.Set;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.socketstage.settings.Concurrency;
import org.socketstage.settings.PacingMode;
import org.socketstage.ui.controls.ServerControlViewModel;
import org.socketstage.ui.controls.SettingsViewModel;

/**
 * Window size and settings remembered between runs, in java.util.prefs under the node named by the system
 * property {@code socketstage.prefs.node} (default "socketstage"; tests use their own node).
 */
public final class AppPrefs {

    public static final String NODE_PROPERTY = "socketstage.prefs.node";

    private final Preferences node;

    private AppPrefs(Preferences node) {
        this.node = node;
    }

    public static AppPrefs open() {
        return new AppPrefs(Preferences.userRoot().node(System.getProperty(NODE_PROPERTY, "socketstage")));
    }

    public void loadInto(MainViewModel vm) {
        SettingsViewModel s = vm.settings();
        s.portProperty().set(node.get("port", s.portProperty().get()));
        s.bindAddressProperty().set(node.get("bindAddress", s.bindAddressProperty().get()));
        s.backlogProperty().set(node.get("backlog", s.backlogProperty().get()));
        s.reuseAddrProperty().set(node.getBoolean("reuseAddr", s.reuseAddrProperty().get()));
        Concurrency.fromOption(node.get("concurrency", "")).ifPresent(s.concurrencyProperty()::set);
        ServerControlViewModel c = vm.control();
        PacingMode.fromOption(node.get("mode", "")).ifPresent(c.modeProperty()::set);
        c.delayMillisProperty().set(node.getDouble("delayMillis", c.delayMillisProperty().get()));
        c.breakpoints().addAll(stages(node.get("breakpoints", "")));
        PresentationViewModel p = vm.presentation();
        p.setZoom(node.getDouble("zoom", 1.0));
        try {
            p.themeProperty().set(PresentationViewModel.Theme.valueOf(node.get("theme", "LIGHT")));
        } catch (IllegalArgumentException e) {
            p.themeProperty().set(PresentationViewModel.Theme.LIGHT);
        }
    }

    private static Set<org.socketstage.event.Step> stages(String text) {
        Set<org.socketstage.event.Step> out = EnumSet.noneOf(org.socketstage.event.Step.class);
        for (String name : text.split(",")) {
            for (org.socketstage.event.Step s : org.socketstage.event.Step.values()) {
                if (s.name().equals(name.trim())) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    public void saveFrom(MainViewModel vm) {
        SettingsViewModel s = vm.settings();
        node.put("port", s.portProperty().get());
        node.put("bindAddress", s.bindAddressProperty().get());
        node.put("backlog", s.backlogProperty().get());
        node.putBoolean("reuseAddr", s.reuseAddrProperty().get());
        node.put("concurrency", s.concurrencyProperty().get().optionName());
        ServerControlViewModel c = vm.control();
        node.put("mode", c.modeProperty().get().name());
        node.putDouble("delayMillis", c.delayMillisProperty().get());
        node.put("breakpoints", String.join(",", c.breakpoints().stream().map(Enum::name).sorted().toList()));
        node.putDouble("zoom", vm.presentation().zoomProperty().get());
        node.put("theme", vm.presentation().themeProperty().get().name());
    }

    public void restoreWindow(Stage stage) {
        double w = node.getDouble("window.width", 1280);
        double h = node.getDouble("window.height", 800);
        stage.setWidth(Math.max(640, w));
        stage.setHeight(Math.max(480, h));
        double x = node.getDouble("window.x", Double.NaN);
        double y = node.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
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
            System.err.println("SocketStage: could not clear preferences: " + e.getMessage());
        }
    }

    /** Writes what was put to the backing store; one write for window and settings together. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // settings not remembered is a nuisance, not a reason to stop the app
            System.err.println("SocketStage: could not save preferences: " + e.getMessage());
        }
    }
}
