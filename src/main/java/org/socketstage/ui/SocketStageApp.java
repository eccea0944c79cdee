package org.socketstage.ui;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.socketstage.LaunchOptions;
import org.socketstage.event.EventBus;
import org.socketstage.instructor.ScenarioCatalog;
import org.socketstage.server.LinuxKernelView;
import org.socketstage.session.Session;
import org.socketstage.session.SessionSetup;
import org.socketstage.settings.ServerOptions;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SocketBackend;

/**
 * The JavaFX application: one session for its whole life, shown in one main window. The session starts with
 * the settings the user chose last time; server options given at launch apply to this run on top of them.
 * However the app ends (window closed, Quit, SIGTERM, SIGINT), the session ends and frees its port.
 */
public class SocketStageApp extends Application {

    /** How far the server's threads give way to the window's in the app (see WorkerPriority). */
    static final int WINDOW_SERVER_NICENESS = 10;
    /**
     * The bus's ring in the window: a quarter of the trace mode's. The ring keeps its newest events alive until
     * they are overwritten, and the window keeps its own history of them anyway (the view's 10,000 and the pump's
     * inbox); under a class's flood (~30,000 events a second) 16,384 slots are still half a second for the spool
     * to take its turn. Measured in the window benchmark's 30 s flood: RSS at its peak 299 MB instead of 307,
     * 30 s after it 244 MB instead of 261.
     */
    static final int WINDOW_EVENT_RING = 1 << 14;

    private MainWindow window;
    private Session session;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        // built while the toolkit started when the launcher asked for it (Main does), else now
        WindowModel model = EarlyWindowModel.take(args).orElseGet(() -> WindowModel.build(options(args)));
        LaunchOptions options = model.options();
        session = model.session();
        AppExit.closeOnSignals(session, () -> MainWindow.exitApp(window));
        window = MainWindow.open(stage, model.viewModel(), model.prefs());
        window.mainView().setHostServices(getHostServices());
        showAsAsked(window, options);
        window.greetIfFirstLaunch();
        options.scenario().flatMap(ScenarioCatalog::byName).ifPresent(s -> window.mainView().runScenario(s));
        options.program().ifPresent(window::traceProgram);
        if (options.autostart() && options.scenario().isEmpty() && options.program().isEmpty()) {
            window.viewModel().control().start();
        }
        // closing the main window ends the app even if a dialog (e.g. Help) is still open
        stage.setOnHidden(e -> MainWindow.exitApp(window));
        GtkWindowLoss.watch(() -> javafx.application.Platform.runLater(() -> MainWindow.exitApp(window)));
        XServerPace.keep(stage.getScene());
    }

    /** Main has checked the options and said what was wrong; launched another way, bad options mean defaults. */
    private static LaunchOptions options(List<String> args) {
        return LaunchOptions.parse(args.toArray(String[]::new), new PrintStream(OutputStream.nullOutputStream()))
                .orElseGet(LaunchOptions::none);
    }

    /** {@code --present}: the window fills the screen in the presentation layout. */
    static void showAsAsked(MainWindow window, LaunchOptions options) {
        if (options.present()) {
            window.stage().setMaximized(true);
            window.viewModel().presentation().presentingProperty().set(true);
        }
    }

    /** The remembered settings, with this launch's server options over them (for this run only). */
    static Session openSession(LaunchOptions options, AppPrefs prefs) {
        // the window must keep answering (a close request, Stop) while a class floods the server
        org.socketstage.server.WorkerPriority.set(WINDOW_SERVER_NICENESS);
        ServerOptions.Checked given = options.server().ok() ? options.server() : new ServerOptions().check();
        SocketApi api = given.backend().filter(SocketBackend::isAvailable).map(SocketBackend::create)
                .orElseGet(SocketStageApp::socketApi);
        SessionSetup setup = prefs.applyTo(new SessionSetup(new EventBus(WINDOW_EVENT_RING), api,
                () -> new LinuxKernelView(LinuxKernelView.WINDOW_INTERVAL),
                org.socketstage.settings.ServerConfig.defaults(), SessionSetup.DEFAULT_MODE,
                SessionSetup.DEFAULT_DELAY_MILLIS));
        Session s = new Session(setup);
        if (options.anyServerSetting()) {
            s.configure(given.settings().apply(s.config()));
        }
        given.mode().ifPresent(m -> s.gate().setMode(m));
        given.delayMillis().ifPresent(d -> s.gate().setDelayMillis(d));
        given.transcript().ifPresent(s::recordTranscript);
        return s;
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

    /** Ends the session; the exit status says if its record lost events (see {@link Session#recordStatus()}). */
    @Override
    public void stop() {
        if (window != null) {
            window.close();
        } else if (session != null) {
            session.close();
        }
        if (session != null && session.recordStatus() != 0) {
            System.exit(session.recordStatus());
        }
    }

    public static void main(String[] args) {
        launch(SocketStageApp.class, args);
    }
}
