package org.socketstage.ui;

import org.socketstage.ui.text.UiText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.EventBus;
import org.socketstage.socket.SocketBackend;
import org.socketstage.ui.controls.ServerControlViewModel;
import org.socketstage.ui.lane.StageStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window with the real server on loopback, driven through its buttons and keys. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class MainWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private MainWindow window;
    private final List<Socket> clients = new ArrayList<>();
    private int port;

    @Start
    void start(Stage stage) throws IOException {
        AppPrefs prefs = AppPrefs.open();
        prefs.clear();
        port = freePort();
        MainViewModel vm = new MainViewModel(org.socketstage.session.TestSessions.forWindow(), UiText.load());
        window = MainWindow.open(stage, vm, prefs);
        vm.settings().portProperty().set(Integer.toString(port));
        vm.control().delayMillisProperty().set(ServerControlViewModel.MIN_DELAY_MS);
    }

    @AfterEach
    void closeEverything(FxRobot robot) throws IOException {
        for (Socket c : clients) {
            c.close();
        }
        robot.interact(window::close);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MainViewModel vm() {
        return window.viewModel();
    }

    private org.socketstage.event.Step currentStage() {
        return fx(() -> vm().lane().currentStageProperty().get());
    }

    private StageStatus status(org.socketstage.event.Step s) {
        return fx(() -> vm().lane().card(s).status());
    }

    private String text(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private void shot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                Screenshots.save(window.stage().getScene(), name);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The text of the highlighted line in the code pane (drawn by the code pane's cells). */
    private String currentCodeLine(FxRobot robot) {
        PseudoClass current = PseudoClass.getPseudoClass("current");
        return fx(() -> robot.lookup(".code-line").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(current) && n.isVisible())
                .map(n -> n.lookup(".code-text"))
                .filter(n -> n instanceof Label)
                .map(n -> ((Label) n).getText())
                .findFirst().orElse(""));
    }

    /** Presses Step until the server is held before accept(). */
    private void stepToAccept(FxRobot robot) {
        robot.clickOn("#step-button");
        for (int i = 0; i < 12 && !(currentStage() == org.socketstage.event.Step.ACCEPT
                && status(org.socketstage.event.Step.ACCEPT) == StageStatus.NEXT); i++) {
            await().atMost(WAIT).until(() -> fx(() -> vm().session().gate().held().size()) == 1
                    && status(currentStage()) == StageStatus.NEXT);
            if (currentStage() == org.socketstage.event.Step.ACCEPT) {
                break;
            }
            org.socketstage.event.Step before = currentStage();
            if (i % 2 == 0) {
                robot.clickOn("#step-button");
            } else {
                robot.clickOn("#lane-title").type(KeyCode.SPACE);
            }
            await().atMost(WAIT).until(() -> currentStage() != before);
        }
    }

    @Test
    void steppingFromStartReachesAcceptWithTheRealResults(FxRobot robot) {
        shot(robot, "01-idle");
        stepToAccept(robot);

        assertThat(currentStage()).isEqualTo(org.socketstage.event.Step.ACCEPT);
        assertThat(fx(() -> robot.lookup("#stage-ACCEPT").query().getStyleClass()))
                .contains("stage-current", "stage-next");
        assertThat(text(robot, "#stage-result-SOCKET")).matches("fd = \\d+");
        assertThat(text(robot, "#stage-result-BIND")).isEqualTo("= 0");
        assertThat(text(robot, "#stage-result-LISTEN")).isEqualTo("= 0");
        assertThat(status(org.socketstage.event.Step.RECV)).isEqualTo(StageStatus.WAITING);
        assertThat(text(robot, "#listener-state")).contains("LISTEN");
        assertThat(text(robot, "#listener-address")).isEqualTo("127.0.0.1:" + port);
        assertThat(text(robot, "#lane-status")).contains("accept()");
        assertThat(currentCodeLine(robot)).contains("accept(");
        shot(robot, "02-held-before-accept");
    }

    @Test
    void aBadPortShowsItsMessageAndKeepsStartDisabled(FxRobot robot) {
        robot.clickOn("#port-field").push(KeyCode.CONTROL, KeyCode.A).write("70000");
        assertThat(fx(() -> robot.lookup("#port-error").query().isVisible())).isTrue();
        assertThat(text(robot, "#port-error")).contains("port must be a number from 0 to 65535", "70000");
        assertThat(fx(() -> robot.lookup("#start-button").query().isDisabled())).isTrue();
        assertThat(fx(() -> robot.lookup("#start-blocked").query().isVisible())).isTrue();
        shot(robot, "03-bad-port");

        robot.push(KeyCode.CONTROL, KeyCode.A).write(Integer.toString(port));
        assertThat(fx(() -> robot.lookup("#port-error").query().isVisible())).isFalse();
        assertThat(fx(() -> robot.lookup("#start-button").query().isDisabled())).isFalse();
    }

    @Test
    void aPortInUseTurnsBindRedWithEaddrinuse(FxRobot robot) throws IOException {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            robot.clickOn("#live-button");
            await().atMost(WAIT).until(() -> status(org.socketstage.event.Step.BIND) == StageStatus.FAILED);
            assertThat(fx(() -> robot.lookup("#stage-BIND").query().getStyleClass())).contains("stage-failed");
            assertThat(text(robot, "#stage-result-BIND")).isEqualTo("= -1 EADDRINUSE");
            await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#failure-banner").query().isVisible()));
            assertThat(text(robot, "#failure-banner")).contains("EADDRINUSE", "Another socket already holds this port");
            assertThat(text(robot, "#listener-state")).contains("bind() failed");
            await().atMost(WAIT).until(() -> fx(() -> vm().control().phaseProperty().get())
                    == ServerControlViewModel.Phase.FAILED);
            assertThat(fx(() -> robot.lookup("#start-button").query().isDisabled())).isFalse();
            shot(robot, "04-bind-eaddrinuse");
        }
    }

    @Test
    void threeWaitingClientsFillThreeQueueSlots(FxRobot robot) throws IOException {
        robot.clickOn("#breakpoint-ACCEPT");
        robot.clickOn("#live-button");
        await().atMost(WAIT).until(() -> status(org.socketstage.event.Step.ACCEPT) == StageStatus.NEXT);
        for (int i = 0; i < 3; i++) {
            clients.add(new Socket(InetAddress.getLoopbackAddress(), port));
        }
        await().atMost(WAIT).until(() -> fx(() -> vm().sockets().queueProperty().get().waiting()) == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup(".queue-slot-filled").queryAll().size())).isEqualTo(3);
        assertThat(text(robot, "#queue-summary")).contains("3 connection(s) waiting", "kernel");
        shot(robot, "05-three-waiting");

        robot.clickOn("#step-button");
        await().atMost(WAIT).until(() -> fx(() -> vm().sockets().connections().size()) == 1);
        await().atMost(WAIT).until(() -> fx(() -> vm().sockets().queueProperty().get().waiting()) == 2);
        shot(robot, "06-one-accepted");
    }

    @Test
    void theScrubberShowsAnEarlierMomentThenGoesBackToLive(FxRobot robot) {
        stepToAccept(robot);
        int bindIndex = fx(() -> {
            var h = vm().feed().history();
            for (int i = 0; i < h.size(); i++) {
                if (h.get(i) instanceof org.socketstage.event.ServerEvent.CallReturned r
                        && r.stage() == org.socketstage.event.Step.BIND) {
                    return i;
                }
            }
            return -1;
        });
        assertThat(bindIndex).isPositive();
        Slider slider = robot.lookup("#history-slider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(bindIndex - 1)); // just before bind() returned
        await().atMost(WAIT).until(() -> status(org.socketstage.event.Step.LISTEN) == StageStatus.WAITING);
        assertThat(status(org.socketstage.event.Step.BIND)).isNotEqualTo(StageStatus.OK);
        assertThat(status(org.socketstage.event.Step.SOCKET)).isEqualTo(StageStatus.OK);
        assertThat(text(robot, "#listener-state")).doesNotContain("LISTEN");
        assertThat(text(robot, "#history-moment")).contains("view only");
        assertThat(fx(() -> window.mainView().log().viewModel().shownIndexOfMoment())).as("log row of the moment")
                .isNotNegative();
        assertThat(fx(() -> robot.lookup("#back-to-live").query().isDisabled())).isFalse();
        shot(robot, "07-scrubbed-back");

        robot.clickOn("#back-to-live");
        await().atMost(WAIT).until(() -> status(org.socketstage.event.Step.LISTEN) == StageStatus.OK);
        assertThat(currentStage()).isEqualTo(org.socketstage.event.Step.ACCEPT);
        assertThat(text(robot, "#history-moment")).contains("LIVE");
        assertThat(fx(() -> window.mainView().log().viewModel().shownIndexOfMoment())).isEqualTo(-1);
    }

    @Test
    void escapeStopsTheServerWithoutBlockingTheWindow(FxRobot robot) throws IOException {
        robot.clickOn("#live-button");
        await().atMost(WAIT).until(() -> status(org.socketstage.event.Step.ACCEPT) == StageStatus.ACTIVE);
        robot.clickOn("#lane-title");
        // Stop returns at once: the FX thread hands the stop to the session and the phase says "stopping" until
        // the session reports the server's end through the event pump (a later pulse, never this one)
        ServerControlViewModel.Phase right = fx(() -> {
            vm().control().stop();
            return vm().control().phaseProperty().get();
        });
        assertThat(right).isEqualTo(ServerControlViewModel.Phase.STOPPING);
        await().atMost(WAIT).until(() -> fx(() -> vm().control().phaseProperty().get())
                == ServerControlViewModel.Phase.STOPPED);
        assertThat(status(org.socketstage.event.Step.CLOSE_LISTENER)).isEqualTo(StageStatus.OK);
        assertThat(text(robot, "#listener-state")).contains("closed");
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(false);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        robot.type(KeyCode.ESCAPE); // Esc with nothing running is harmless
        assertThat(fx(() -> vm().control().phaseProperty().get())).isEqualTo(ServerControlViewModel.Phase.STOPPED);
    }

    @Test
    void closingTheWindowStopsTheServerAndFreesThePort(FxRobot robot) throws IOException {
        robot.clickOn("#live-button");
        await().atMost(WAIT).until(() -> status(org.socketstage.event.Step.ACCEPT) == StageStatus.ACTIVE);
        Node root = window.stage().getScene().getRoot();
        assertThat(root).isNotNull();
        long started = System.nanoTime();
        robot.interact(() -> window.stage().close());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(false);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                t -> t.isAlive() && (t.getName().equals("socketstage-server") || t.getName().equals("socketstage-control")));
    }
}
