package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.LaunchOptions;
import org.socketstage.instructor.ScenarioCatalog;
import org.socketstage.session.Session;
import org.socketstage.settings.ServerConfig;
import org.socketstage.ui.code.CodeLine;
import org.socketstage.ui.text.UiText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window shows the session it is given, and remembers only what the user chose. */
@ExtendWith(ApplicationExtension.class)
@Timeout(180)
class SessionInTheWindowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<MainWindow> windows = new ArrayList<>();

    @Start
    void start(Stage stage) {
        AppPrefs.open().clear();
    }

    @AfterEach
    void closeAll(FxRobot robot) {
        robot.interact(() -> windows.forEach(w -> w.stage().close()));
        AppPrefs.open().clear();
    }

    /** A launch as SocketStageApp makes it: the remembered settings, no options. */
    private MainWindow launch(FxRobot robot) {
        MainWindow[] made = new MainWindow[1];
        robot.interact(() -> {
            AppPrefs prefs = AppPrefs.open();
            made[0] = MainWindow.open(new Stage(), new MainViewModel(
                    SocketStageApp.openSession(LaunchOptions.none(), prefs), UiText.load()), prefs);
        });
        windows.add(made[0]);
        return made[0];
    }

    @Test
    void aDemonstrationClosedHalfwayLeavesTheNextLaunchAsBeforeIt(FxRobot robot) throws Exception {
        int port = MainWindowTest.freePort();
        MainWindow first = launch(robot);
        robot.interact(() -> first.viewModel().settings().portProperty().set(Integer.toString(port)));
        robot.interact(() -> first.stage().close());
        ServerConfig chosen = ServerConfig.defaults().withPort(port);

        for (String scenario : List.of("backlog-demo", "send-to-gone-peer", "address-not-here")) {
            MainWindow w = launch(robot);
            Session session = w.viewModel().session();
            assertThat(session.config()).as("before %s", scenario).isEqualTo(chosen);
            robot.interact(() -> w.mainView().runScenario(ScenarioCatalog.byName(scenario).orElseThrow()));
            await().atMost(WAIT).alias(scenario + " changes the set-up").until(() ->
                    !session.config().equals(chosen) || !session.gate().breakpoints().isEmpty());
            robot.interact(() -> w.stage().close());
            assertThat(session.awaitClosed(WAIT)).isTrue();

            Session next = SocketStageApp.openSession(LaunchOptions.none(), AppPrefs.open());
            try {
                assertThat(next.config()).as("settings after closing during %s", scenario).isEqualTo(chosen);
                assertThat(next.gate().breakpoints()).as("breakpoints after %s", scenario).isEmpty();
                assertThat(next.gate().mode()).isEqualTo(org.socketstage.session.SessionSetup.DEFAULT_MODE);
            } finally {
                next.close();
            }
        }
    }

    @Test
    void newSettingsShowInTheListingBytesLessonAndClientPromptBeforeStart(FxRobot robot) {
        MainWindow w = launch(robot);
        MainViewModel vm = w.viewModel();
        robot.interact(() -> {
            vm.settings().portProperty().set("9300");
            vm.settings().backlogProperty().set("3");
            vm.settings().bindAddressProperty().set("0.0.0.0");
            vm.lessons().selectedLessonProperty().set(vm.lessons().lessons().stream()
                    .filter(l -> l.id().equals("lifecycle")).findFirst().orElseThrow());
        });
        await().atMost(WAIT).until(() -> MainWindowTest.fx(() -> cLine(vm, "#define PORT").contains("9300")));
        assertThat(MainWindowTest.fx(() -> cLine(vm, "#define BACKLOG"))).contains("3");
        assertThat(MainWindowTest.fx(() -> cLine(vm, "inet_pton"))).contains("\"0.0.0.0\"");
        assertThat(MainWindowTest.fx(() -> cLine(vm, "Try: nc"))).contains("nc 127.0.0.1 9300");
        // sin_port holds 9300 = 0x2454 high byte first; sin_addr is 0.0.0.0
        assertThat(MainWindowTest.fx(() -> vm.sockaddr().byteHex().subList(2, 8)))
                .containsExactly("24", "54", "00", "00", "00", "00");
        Parent root = w.stage().getScene().getRoot();
        // each pane is built when its tab is first shown, as a student would open it
        showTab(robot, w, "client-tab");
        assertThat(MainWindowTest.fx(() -> ((TextField) root.lookup("#client-target")).getPromptText()))
                .contains("127.0.0.1:9300");
        showTab(robot, w, "lessons-tab");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(MainWindowTest.fx(() -> texts(root.lookup("#lesson-reader"))))
                .contains("nc 127.0.0.1 9300").doesNotContain("{{");
    }

    private static void showTab(FxRobot robot, MainWindow w, String id) {
        robot.interact(() -> w.mainView().panes().getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> w.mainView().panes().getSelectionModel().select(t)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String cLine(MainViewModel vm, String containing) {
        return vm.code().c().lines().stream().map(CodeLine::text).filter(t -> t.contains(containing))
                .findFirst().orElse("");
    }

    private static String texts(Node node) {
        StringBuilder sb = new StringBuilder();
        collect(node, sb);
        return sb.toString();
    }

    private static void collect(Node node, StringBuilder sb) {
        if (node instanceof Text t) {
            sb.append(t.getText());
        } else if (node instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            collect(sp.getContent(), sb);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, sb);
            }
        }
    }
}
