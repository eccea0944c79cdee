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
        robot.interact(() -> PaneSnapshots.save(window.stage().getScene(), name));
    }

    /** The marked line of the C listing, as a user sees it: with the Code tab open. */
    private String currentCodeLine(FxRobot robot) {
        robot.interact(() -> window.mainView().panes().getTabs().stream().filter(t -> "code-tab".equals(t.getId()))
                .findFirst().ifPresent(t -> window.mainView().panes().getSelectionModel().select(t)));
        WaitForAsyncUtils.waitForFxEvents();
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
        // before any connection the sockets pane says so, under the totals (a lost line once)
        assertThat(fx(() -> robot.lookup("#sockets .muted").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.Labeled l && l.getText().equals("No connection accepted yet."))
                .anyMatch(javafx.scene.Node::isVisible))).isTrue();
        stepToAccept(robot);

        assertThat(currentStage()).isEqualTo(org.socketstage.event.Step.ACCEPT);
        assertThat(fx(() -> robot.lookup("#stage-ACCEPT").query().getPseudoClassStates()))
                .contains(PseudoClass.getPseudoClass("current"), StageStatus.NEXT.pseudoClass());
        assertThat(text(robot, "#stage-result-SOCKET")).matches("fd = \\d+");
        assertThat(text(robot, "#stage-result-BIND")).isEqualTo("= 0");
        assertThat(text(robot, "#stage-result-LISTEN")).isEqualTo("= 0");
        assertThat(status(org.socketstage.event.Step.RECV)).isEqualTo(StageStatus.WAITING);
        assertThat(text(robot, "#listener-state")).contains("LISTEN");
        assertThat(text(robot, "#listener-address")).isEqualTo("127.0.0.1:" + port);
        assertThat(text(robot, "#lane-status")).contains("accept()");
        // a hidden pane catches up in the first pulse after its tab shows
        await().atMost(WAIT).until(() -> currentCodeLine(robot), line -> line.contains("accept("));
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
            assertThat(fx(() -> robot.lookup("#stage-BIND").query().getPseudoClassStates()))
                    .contains(StageStatus.FAILED.pseudoClass());
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
        assertThat(fx(() -> robot.lookup(".queue-slot").queryAll().stream()
                .filter(n -> n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("filled"))).count())).isEqualTo(3);
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
    void escapeLeavesFullScreenButNeverStopsTheServerAndShiftF5Does(FxRobot robot) throws IOException {
        robot.clickOn("#live-button");
        await().atMost(WAIT).until(() -> status(org.socketstage.event.Step.ACCEPT) == StageStatus.ACTIVE);
        robot.clickOn("#lane-title");
        robot.type(KeyCode.F11);
        await().atMost(WAIT).until(() -> fx(() -> window.stage().isFullScreen()));
        assertThat(fx(() -> ((javafx.scene.control.CheckMenuItem) menuItem("full-screen-menu-item")).isSelected())).isTrue();

        robot.type(KeyCode.ESCAPE);
        await().atMost(WAIT).until(() -> !fx(() -> window.stage().isFullScreen()));
        robot.type(KeyCode.ESCAPE); // and once more out of full screen: still nothing stops
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm().control().phaseProperty().get())).isEqualTo(ServerControlViewModel.Phase.RUNNING);
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            await().atMost(WAIT).until(() -> fx(() -> vm().sockets().connections().size()) == 1);
        }
        assertThat(fx(() -> vm().control().phaseProperty().get())).isEqualTo(ServerControlViewModel.Phase.RUNNING);

        robot.press(KeyCode.SHIFT).type(KeyCode.F5).release(KeyCode.SHIFT);
        await().atMost(WAIT).until(() -> fx(() -> vm().control().phaseProperty().get())
                == ServerControlViewModel.Phase.STOPPED);
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(false);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
    }

    @Test
    void stopReturnsAtOnceAndFreesThePort(FxRobot robot) throws IOException {
        robot.clickOn("#live-button");
        await().atMost(WAIT).until(() -> status(org.socketstage.event.Step.ACCEPT) == StageStatus.ACTIVE);
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
    }

    @Test
    void spaceGoesToAFocusedToggleAndStepsOnlyWhereNoControlTakesIt(FxRobot robot) {
        robot.clickOn("#breakpoint-ACCEPT");
        assertThat(fx(() -> vm().control().breakpoints())).containsExactly(org.socketstage.event.Step.ACCEPT);
        assertThat(fx(() -> window.stage().getScene().getFocusOwner().getId())).isEqualTo("breakpoint-ACCEPT");
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm().control().breakpoints())).as("Space toggled the focused breakpoint").isEmpty();
        assertThat(fx(() -> vm().control().phaseProperty().get())).as("and did not step")
                .isEqualTo(ServerControlViewModel.Phase.IDLE);

        robot.interact(() -> window.stage().getScene().lookup("#reuse-field").requestFocus());
        boolean reuse = fx(() -> vm().settings().reuseAddrProperty().get());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm().settings().reuseAddrProperty().get())).as("Space ticked the check box").isEqualTo(!reuse);
        assertThat(fx(() -> vm().control().phaseProperty().get())).isEqualTo(ServerControlViewModel.Phase.IDLE);

        robot.interact(() -> window.mainView().root().requestFocus());
        robot.type(KeyCode.SPACE);
        await().atMost(WAIT).until(() -> fx(() -> vm().session().gate().held().size()) == 1);
        assertThat(fx(() -> vm().control().serverActiveProperty().get())).as("Space steps where nothing takes it").isTrue();
    }

    @Test
    void breakpointsGoOnAndOffFromTheKeyboard(FxRobot robot) {
        robot.interact(() -> window.mainView().root().requestFocus());
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm().control().breakpoints())).as("F9 before a start: socket(), where a start begins")
                .containsExactly(org.socketstage.event.Step.SOCKET);
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm().control().breakpoints())).isEmpty();

        // Tab reaches a stage's toggle; F9 there, or Space, switches that stage's breakpoint
        robot.interact(() -> window.stage().getScene().lookup("#breakpoint-SETSOCKOPT").requestFocus());
        robot.type(KeyCode.TAB);
        assertThat(fx(() -> window.stage().getScene().getFocusOwner().getId())).isEqualTo("breakpoint-SOCKADDR");
        robot.type(KeyCode.TAB);
        assertThat(fx(() -> window.stage().getScene().getFocusOwner().getId())).isEqualTo("breakpoint-BIND");
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm().control().breakpoints())).containsExactly(org.socketstage.event.Step.BIND);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm().control().breakpoints())).isEmpty();

        // F9 while the server is held before a call sets the breakpoint there
        robot.interact(() -> window.mainView().root().requestFocus());
        robot.type(KeyCode.SPACE);
        await().atMost(WAIT).until(() -> fx(() -> vm().session().gate().held().size()) == 1);
        org.socketstage.event.Step here = currentStage();
        robot.type(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> vm().control().breakpoints())).containsExactly(here);
        assertThat(fx(() -> window.stage().getScene().lookup("#breakpoint-" + here.name())
                .getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected")))).isTrue();
    }

    @Test
    void theMenuBarListsEveryActionWithItsKey(FxRobot robot) {
        List<String> menus = fx(() -> ((javafx.scene.control.MenuBar) window.stage().getScene().lookup("#menu-bar"))
                .getMenus().stream().map(javafx.scene.control.Menu::getText).toList());
        assertThat(menus).containsExactly("File", "Server", "View", "Instructor", "Help");
        List<String> withoutKey = fx(() -> allMenuItems().stream()
                .filter(i -> !(i instanceof javafx.scene.control.SeparatorMenuItem) && i.getAccelerator() == null)
                .map(javafx.scene.control.MenuItem::getText).toList());
        assertThat(withoutKey).containsExactly("About SocketStage");
        List<String> keys = fx(() -> allMenuItems().stream().filter(i -> i.getAccelerator() != null)
                .map(i -> i.getAccelerator().getDisplayText()).toList());
        assertThat(keys).doesNotHaveDuplicates().contains("Space", "R", "P", "L", "Ctrl+F5", "Shift+F5", "F5", "F9", "F11", "F1");
        String help = UiText.load().get("help.text");
        assertThat(help).contains("Shift+F5\tStop the server", "F9\tBreakpoint", "Esc leaves full screen");
        assertThat(help).doesNotContain("Esc\tStop");

        robot.interact(() -> window.mainView().root().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.F5); // Server → Start, by its accelerator (F5 alone is View → Presentation)
        await().atMost(WAIT).until(() -> fx(() -> vm().control().serverActiveProperty().get()));
    }

    /** Issue 12: at a normal width the errno column was off to the right of the pane. */
    @Test
    void theEventLogShowsItsErrnoColumnAt1280x800(FxRobot robot) {
        robot.interact(() -> {
            window.stage().setWidth(1280);
            window.stage().setHeight(800);
        });
        robot.interact(() -> window.mainView().root().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL); // View → Event log tab
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> ((javafx.scene.control.TabPane) window.stage().getScene().lookup(".pane-tabs"))
                .getSelectionModel().getSelectedItem().getId())).isEqualTo("log-tab");
        javafx.geometry.Bounds table = fx(() -> {
            Node t = window.stage().getScene().lookup(".log-table");
            return t.localToScene(t.getBoundsInLocal());
        });
        javafx.geometry.Bounds errno = fx(() -> {
            Node h = window.stage().getScene().lookup(".column-header.log-col-errno");
            return h.localToScene(h.getBoundsInLocal());
        });
        assertThat(errno.getMinX()).as("errno header starts inside the table").isGreaterThan(table.getMinX());
        assertThat(errno.getMaxX()).as("and ends inside it").isLessThanOrEqualTo(table.getMaxX() + 0.5);
        assertThat(errno.getWidth()).as("wide enough for EADDRINUSE").isGreaterThanOrEqualTo(80);
    }

    private List<javafx.scene.control.MenuItem> allMenuItems() {
        List<javafx.scene.control.MenuItem> all = new ArrayList<>();
        for (javafx.scene.control.Menu m : ((javafx.scene.control.MenuBar) window.stage().getScene().lookup("#menu-bar")).getMenus()) {
            all.addAll(m.getItems());
        }
        return all;
    }

    private javafx.scene.control.MenuItem menuItem(String id) {
        return allMenuItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void closingTheWindowStopsTheServerAndFreesThePort(FxRobot robot) throws IOException {
        robot.clickOn("#live-button");
        await().atMost(WAIT).until(() -> status(org.socketstage.event.Step.ACCEPT) == StageStatus.ACTIVE);
        Node root = window.stage().getScene().getRoot();
        assertThat(root).isNotNull();
        // how long it takes is measured by CloseRequestsTest's report, not asserted here: this machine's speed is not the app's
        robot.interact(() -> window.stage().close());
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(false);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
                t -> t.isAlive() && (t.getName().equals("socketstage-server") || t.getName().equals("socketstage-control")));
    }
}
