package org.socketstage.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.socketstage.LaunchOptions;
import org.socketstage.instructor.ScenarioCatalog;
import org.socketstage.event.EventBus;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SocketBackend;

/** The JavaFX application: one event bus and one socket layer for its whole life, one main window. */
public class SocketStageApp extends Application {

    private MainWindow window;

    @Override
    public void start(Stage stage) {
        // Main has checked the options already; a bad one here (app launched another way) falls back to defaults
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw().toArray(String[]::new), System.err)
                .orElseGet(LaunchOptions::none);
        Texts texts = Texts.load();
        EventBus bus = new EventBus();
        SocketApi api = options.backend().filter(SocketBackend::isAvailable).map(SocketBackend::create)
                .orElseGet(SocketStageApp::socketApi);
        window = MainWindow.open(stage, new MainViewModel(texts, bus, api), AppPrefs.open());
        window.view().lessons().setHostServices(getHostServices());
        options.lessonsDir().ifPresent(dir -> window.view().lessons().setExtraLessonsDir(dir));
        options.scenario().flatMap(ScenarioCatalog::byName).ifPresent(s -> window.view().runScenario(s));
        if (options.autostart() && options.scenario().isEmpty()) {
            window.viewModel().control().start();
        }
        // closing the main window ends the app even if a dialog (e.g. Help) is still open
        stage.setOnHidden(e -> {
            window.close();
            Platform.exit();
        });
    }

    /** The native libc backend where it works, else java.nio; {@code -Dsocketstage.backend=jdk} forces one. */
    static SocketApi socketApi() {
        String wanted = System.getProperty("socketstage.backend", "");
        return SocketBackend.fromOption(wanted).filter(SocketBackend::isAvailable)
                .map(SocketBackend::create)
                .orElseGet(SocketBackend::auto);
    }

    /** The window, once start() has run (for tests that drive the whole app). */
    protected MainWindow window() {
        return window;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }

    public static void main(String[] args) {
        launch(SocketStageApp.class, args);
    }
}
