package org.socketstage.ui;

import java.time.Duration;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The main window: loads fxml/MainView.fxml into the stage, applies theme and zoom, installs the keyboard
 * shortcuts and the event pump, remembers the window, and on close stops the server and frees the port.
 */
public final class MainWindow implements AutoCloseable {

    public static final String BASE_CSS = "themes/base.css";
    static final Duration SERVER_STOP_TIMEOUT = Duration.ofMillis(1500);

    private final Stage stage;
    private final MainViewModel vm;
    private final AppPrefs prefs;
    private final MainView view;
    private final FxEventPump pump;
    private boolean closed;

    private MainWindow(Stage stage, MainViewModel vm, AppPrefs prefs) {
        this.stage = stage;
        this.vm = vm;
        this.prefs = prefs;
        prefs.loadInto(vm);
        Resources.Loaded<MainView> loaded = Resources.fxml("fxml/MainView.fxml", vm.texts().bundle());
        this.view = loaded.controller();
        view.init(vm, this::showHelp, this::showAbout);
        Scene scene = new Scene(loaded.root());
        scene.getStylesheets().add(Resources.stylesheet(BASE_CSS));
        applyTheme(scene);
        vm.presentation().themeProperty().addListener((o, a, b) -> applyTheme(scene));
        loaded.root().setStyle(vm.presentation().rootStyle());
        vm.presentation().zoomProperty().addListener((o, a, b) -> loaded.root().setStyle(vm.presentation().rootStyle()));
        KeyboardShortcuts.install(scene, stage, vm.control(), vm.presentation());
        this.pump = new FxEventPump(vm.bus(), batch -> {
            vm.feed().accept(batch);
            view.showLag(pump().dropped(), pump().pending(), vm.texts());
        });
        stage.setScene(scene);
        stage.setTitle(vm.texts().get("app.title"));
        stage.getIcons().setAll(AppIcon.images());
        prefs.restoreWindow(stage);
        stage.setOnHidden(e -> close());
        pump.start();
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

    private void showHelp() {
        HelpDialog.show(stage, vm.texts(), Resources.stylesheet(BASE_CSS));
    }

    private void showAbout() {
        AboutDialog.show(stage, vm.texts(), Resources.stylesheet(BASE_CSS), vm.socketApiName());
    }

    public MainViewModel viewModel() {
        return vm;
    }

    public Stage stage() {
        return stage;
    }

    MainView view() {
        return view;
    }

    /**
     * Stops the server first (waiting at most 1.5 s for its threads and sockets, so the port is free), then the
     * panes and the pump, then saves window and settings in one write. Runs once; the window's hiding calls it.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        vm.control().shutdown(SERVER_STOP_TIMEOUT);
        view.shutdownPanes();
        pump.close();
        prefs.saveWindow(stage);
        prefs.saveFrom(vm);
        prefs.flush();
    }
}
