package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.LaunchOptions;
import org.socketstage.event.Step;
import org.socketstage.session.Session;
import org.socketstage.settings.PacingMode;
import org.socketstage.ui.lane.StageStatus;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's model built on a thread of its own while the toolkit starts: the window uses that very model, a
 * failure of the build is the window's failure, and a model no window took is closed.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class EarlyWindowModelTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private SocketStageApp app;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        rememberNothing();
    }

    @AfterEach
    void closeAll(FxRobot robot) {
        EarlyWindowModel.discard();
        robot.interact(() -> {
            if (app != null && app.window() != null) {
                Stage stage = app.window().stage();
                // the app's own handler ends the toolkit and the JVM, which this test run shares with the others
                stage.setOnHidden(null);
                app.stop();
                stage.hide();
            }
            if (window != null) {
                window.stage().close();
            }
        });
        AppPrefs.open().clear();
    }

    /** No settings from earlier tests, and the first-launch greeting already seen (no tour over the window). */
    private static void rememberNothing() {
        AppPrefs prefs = AppPrefs.open();
        prefs.clear();
        prefs.firstLaunchDone();
        prefs.flush();
    }

    private static LaunchOptions parsed(String... args) {
        return LaunchOptions.parse(args, new PrintStream(OutputStream.nullOutputStream())).orElseThrow();
    }

    private SocketStageApp launch(String... args) throws Exception {
        app = (SocketStageApp) FxToolkit.setupApplication(SocketStageApp.class, args);
        return app;
    }

    @Test
    void theWindowShowsTheModelBuiltBeforeItsStartOnAThreadOfItsOwn() throws Exception {
        String[] args = {"--mode", "step"};
        AtomicReference<WindowModel> built = new AtomicReference<>();
        AtomicReference<String> builtOn = new AtomicReference<>();
        AtomicBoolean onFxThread = new AtomicBoolean(true);
        EarlyWindowModel.startBuilding(List.of(args), () -> {
            builtOn.set(Thread.currentThread().getName());
            onFxThread.set(Platform.isFxApplicationThread());
            built.set(WindowModel.build(parsed(args)));
            return built.get();
        });

        SocketStageApp started = launch(args);

        assertThat(builtOn.get()).isEqualTo("socketstage-window-model");
        assertThat(onFxThread).isFalse();
        assertThat(started.window().viewModel()).isSameAs(built.get().viewModel());
        assertThat(started.window().viewModel().session().gate().mode()).isEqualTo(PacingMode.STEP);
        assertThat(started.window().stage().isShowing()).isTrue();
        // taken once: a second start would build its own
        assertThat(EarlyWindowModel.take(List.of(args))).isEmpty();
    }

    @Test
    void aModelBuiltForOtherArgumentsIsClosedAndTheWindowBuildsItsOwn() throws Exception {
        AtomicReference<WindowModel> built = new AtomicReference<>();
        EarlyWindowModel.startBuilding(List.of("--mode", "step"), () -> {
            built.set(WindowModel.build(parsed("--mode", "step")));
            return built.get();
        });

        SocketStageApp started = launch();

        assertThat(started.window().viewModel()).isNotSameAs(built.get().viewModel());
        assertThat(built.get().session().isClosed()).isTrue();
        assertThat(started.window().viewModel().session().isClosed()).isFalse();
    }

    @Test
    void anEarlyBuildsFailureIsTheStartsFailure() {
        IllegalStateException broken = new IllegalStateException("the lessons could not be read");
        EarlyWindowModel.startBuilding(List.of(), () -> {
            throw broken;
        });
        assertThatThrownBy(() -> EarlyWindowModel.take(List.of())).isSameAs(broken);

        EarlyWindowModel.startBuilding(List.of(), () -> {
            throw broken;
        });
        try {
            assertThatThrownBy(this::launch).satisfies(thrown -> assertThat(causes(thrown)).contains(broken));
        } finally {
            // TestFX keeps the start's failure for the next test to throw: here it was the point
            WaitForAsyncUtils.clearExceptions();
        }
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && !all.contains(c); c = c.getCause()) {
            all.add(c);
        }
        return all;
    }

    @Test
    void aSessionOpenedForViewModelsThatFailIsClosed(@TempDir Path dir) throws Exception {
        Path transcript = dir.resolve("t.jsonl");
        AtomicReference<Session> opened = new AtomicReference<>();
        IllegalStateException broken = new IllegalStateException("a pane's model failed");

        assertThatThrownBy(() -> WindowModel.build(parsed("--transcript", transcript.toString()), session -> {
            opened.set(session);
            throw broken;
        })).isSameAs(broken);

        assertThat(opened.get().isClosed()).isTrue();
        assertThat(Files.readAllLines(transcript)).last().asString().contains("\"type\":\"TranscriptEnd\"");
    }

    @Test
    void aModelNoWindowTookIsClosedWhenDiscarded(@TempDir Path dir) throws Exception {
        Path transcript = dir.resolve("t.jsonl");
        CountDownLatch toolkitFailed = new CountDownLatch(1);
        EarlyWindowModel.startBuilding(List.of(), () -> {
            WindowModel m = WindowModel.build(parsed("--transcript", transcript.toString()));
            // still building when the launcher gives up on the window
            try {
                toolkitFailed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return m;
        });

        CompletableFuture<Optional<WindowModel>> dropped = CompletableFuture.supplyAsync(EarlyWindowModel::discard);
        toolkitFailed.countDown();
        WindowModel model = dropped.join().orElseThrow();

        assertThat(model.session().isClosed()).isTrue();
        assertThat(Files.readAllLines(transcript)).last().asString().contains("\"type\":\"TranscriptEnd\"");
        assertThat(EarlyWindowModel.discard()).isEmpty();
        assertThat(EarlyWindowModel.take(List.of())).isEmpty();
    }

    @Test
    void aFailedBuildLeavesNothingToDiscard() {
        EarlyWindowModel.startBuilding(List.of(), () -> {
            throw new IllegalStateException("no preferences");
        });
        assertThat(EarlyWindowModel.discard()).isEmpty();
    }

    @Test
    void aModelBuiltOffTheFxThreadRunsTheServerTheWindowShows(FxRobot robot) throws Exception {
        int port = MainWindowTest.freePort();
        WindowModel model = WindowModel.build(parsed("--port", Integer.toString(port), "--mode", "live"));
        assertThat(Platform.isFxApplicationThread()).isFalse();
        robot.interact(() -> window = MainWindow.open(new Stage(), model.viewModel(), model.prefs()));
        MainViewModel vm = window.viewModel();

        robot.interact(() -> vm.control().live());
        await().atMost(WAIT).until(() -> MainWindowTest.fx(() -> vm.lane().card(Step.ACCEPT).status())
                == StageStatus.ACTIVE);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write("built early\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("built early\n");
            await().atMost(WAIT).until(() -> MainWindowTest.fx(() -> vm.sockets().connections().size()) == 1);
        }
        assertThat(MainWindowTest.fx(() -> vm.settings().portProperty().get())).isEqualTo(Integer.toString(port));
    }
}
