package org.socketstage.ui;

import java.util.List;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.socketstage.session.Session;
import org.socketstage.ui.trace.ProgramLaunch;
import org.socketstage.ui.trace.TraceProgramDialog;

/**
 * The main window: loads fxml/MainView.fxml through the one view factory, applies theme and zoom, installs
 * the keyboard shortcuts and the event pump. It shows the session; it does not own it. Closing the window
 * saves what the user chose and then ends the session (the port is free before the app exits).
 */
public final class MainWindow implements AutoCloseable {

    public static final String BASE_CSS = "themes/base.css";
    private static final System.Logger LOG = System.getLogger(MainWindow.class.getName());

    private final Stage stage;
    private final MainViewModel vm;
    private final AppPrefs prefs;
    private final MainView view;
    private final FxEventPump pump;
    private final GuidedTour tour;
    private boolean closed;

    private MainWindow(Stage stage, MainViewModel vm, AppPrefs prefs) {
        this.stage = stage;
        this.vm = vm;
        this.prefs = prefs;
        prefs.loadPresentation(vm.presentation());
        // subscribe before anything else can publish, so the views see the session from its first event on
        this.pump = new FxEventPump(vm.session().bus(), vm.feed()::take, () -> {
            vm.feed().refresh();
            view().showLag(pump().dropped(), pump().pending());
        });
        FXMLLoader loader = new ViewFactory(vm, new Actions()).load("fxml/MainView.fxml");
        Parent root = loader.getRoot();
        this.view = loader.getController();
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Resources.stylesheet(BASE_CSS));
        applyTheme(scene);
        vm.presentation().themeProperty().addListener((o, a, b) -> applyTheme(scene));
        tour = new GuidedTour(root, vm.texts(), List.copyOf(scene.getStylesheets()), GuidedTour.mainWindowStops());
        // the tour's card lives in a popup of its own: it follows the window's theme and zoom
        vm.presentation().themeProperty().addListener((o, a, b) -> tour.useStylesheets(scene.getStylesheets()));
        // the root font sets every em: it follows the zoom, and in presentation also the window's height
        Runnable fontSize = () -> {
            String style = vm.presentation().rootStyle(scene.getHeight());
            root.setStyle(style);
            tour.useRootStyle(style);
        };
        fontSize.run();
        vm.presentation().zoomProperty().addListener((o, a, b) -> fontSize.run());
        vm.presentation().presentingProperty().addListener((o, a, b) -> fontSize.run());
        scene.heightProperty().addListener((o, a, b) -> {
            if (vm.presentation().presentingProperty().get()) {
                fontSize.run();
            }
        });
        KeyboardShortcuts.install(scene, vm.control(), vm.presentation());
        stage.setScene(scene);
        stage.setTitle(vm.texts().get("app.title"));
        stage.getIcons().setAll(AppIcon.images());
        prefs.restoreWindow(stage);
        stage.setOnHidden(e -> close());
        pump.measureLayoutOf(scene);
        pump.measureEventsBy(vm.feed()::lastApplyNanos);
        vm.feed().onPulseWanted(pump::requestPulse);
        pump.start();
        // the views learn the session's settings and pacing as events, like every later change
        vm.session().republish();
    }

    private MainView view() {
        return view;
    }

    private FxEventPump pump() {
        return pump;
    }

    /** Builds the window in the stage and shows it. Call on the FX thread. */
    public static MainWindow open(Stage stage, MainViewModel vm, AppPrefs prefs) {
        MainWindow w = new MainWindow(stage, vm, prefs);
        stage.show();
        return w;
    }

    private void applyTheme(Scene scene) {
        scene.getStylesheets().removeIf(s -> s.contains("themes/light.css") || s.contains("themes/dark.css"));
        scene.getStylesheets().add(Resources.stylesheet(vm.presentation().themeProperty().get().stylesheet()));
    }

    private final class Actions implements WindowActions {
        @Override
        public void showHelp() {
            HelpDialog.show(stage, vm.texts(), Resources.stylesheet(BASE_CSS));
        }

        @Override
        public void showTour() {
            tour.close();
            tour.useRootStyle(vm.presentation().rootStyle());
            tour.start();
        }

        @Override
        public void resetToDefaults() {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, vm.texts().get("reset.text"), ButtonType.OK,
                    ButtonType.CANCEL);
            ask.initOwner(stage);
            ask.setTitle(vm.texts().get("reset.title"));
            ask.setHeaderText(vm.texts().get("reset.header"));
            ask.getDialogPane().setId("reset-dialog");
            ask.getDialogPane().getStylesheets().add(Resources.stylesheet(BASE_CSS));
            ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> resetNow());
        }

        @Override
        public void showAbout() {
            AboutDialog.show(stage, vm.texts(), Resources.stylesheet(BASE_CSS), vm.socketApiName());
        }

        @Override
        public void traceProgram() {
            new TraceProgramDialog(stage, vm.texts(), vm.program().recentPrograms(), Resources.stylesheet(BASE_CSS))
                    .showAndWait().ifPresent(MainWindow.this::traceProgram);
        }

        @Override
        public void quit() {
            stage.hide();
        }
    }

    /**
     * What a first launch shows (remembered in the preferences, so only once): the Lessons tab at lesson 1 and
     * the guided tour. True when it was a first launch.
     */
    public boolean greetIfFirstLaunch() {
        if (!prefs.firstLaunch()) {
            return false;
        }
        prefs.firstLaunchDone();
        prefs.flush();
        view.openFirstLesson();
        new Actions().showTour();
        return true;
    }

    GuidedTour tour() {
        return tour;
    }

    /** Puts the program on the stage as the session's server and shows its tab (the dialog, or --program). */
    public void traceProgram(ProgramLaunch launch) {
        vm.program().trace(launch);
        view.showProgramTab();
    }

    /** Forgets the user's settings and pacing: the session goes back to a first launch's. */
    void resetNow() {
        vm.session().resetToDefaults();
        prefs.saveFrom(vm.session(), vm.presentation());
        prefs.flush();
    }


    public MainViewModel viewModel() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }

    MainView mainView() {
        return view;
    }

    /**
     * Saves what the user chose (window, theme, zoom, typed settings: never a demonstration's set-up), stops
     * the panes and the pump, then ends the session, which frees the port. Runs once; hiding the window calls it.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        java.util.function.Consumer<String> mark = what -> LOG.log(System.Logger.Level.DEBUG,
                () -> "closing: " + what + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        try {
            prefs.saveWindow(stage);
            prefs.saveFrom(vm.session(), vm.presentation());
            prefs.flush();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remember the window and settings", e);
        }
        mark.accept("settings saved");
        vm.shutdown();
        view.shutdownPanes();
        pump.close();
        mark.accept("views stopped");
        vm.session().close();
        mark.accept("session closed, port free");
    }

    /** Closes the window and ends the app: what the window manager's close button and Quit amount to. */
    static void exitApp(MainWindow window) {
        if (window != null) {
            window.close();
            AppExit.exitSoon(window.vm.session());
        }
        Platform.exit();
    }
}
