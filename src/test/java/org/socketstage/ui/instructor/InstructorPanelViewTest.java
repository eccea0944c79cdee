package org.socketstage.ui.instructor;

import org.socketstage.session.Session;
import org.socketstage.session.TestSessions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.instructor.Fault;
import org.socketstage.instructor.ScenarioCatalog;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.ui.PaneLoader;
import org.socketstage.ui.text.UiText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The panel in a real headless stage over a real classroom: cards, one-click set-up, undo, simulated label. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class InstructorPanelViewTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final EventBus bus = new EventBus();
    private final List<ServerEvent> events = new CopyOnWriteArrayList<>();
    private Session room;
    private InstructorPanelView view;
    private Parent root;
    private EventBus.Subscription feed;

    @Start
    void start(javafx.stage.Stage stage) throws IOException {
        room = TestSessions.loopback(bus);
        view = new InstructorPanelView(new InstructorPanelViewModel(UiText.load(), room, room.background()));
        root = PaneLoader.load("/fxml/instructor/InstructorPanelView.fxml", view).root();
        // stands in for the main window's adapter: events reach the ViewModel on the FX thread, in order
        feed = bus.subscribe("instructor-panel-test", e -> {
            events.add(e);
            Platform.runLater(() -> view.viewModel().apply(e));
        });
        stage.setScene(org.socketstage.ui.WindowStyles.apply(new Scene(root, 1100, 760)));
        stage.show();
    }

    @AfterEach
    void stop() {
        feed.close();
        view.shutdown();
        room.close();
    }

    @Test
    void aCardShowsWhatToWatchTheErrnoTheCheckAndTheRecovery(FxRobot robot) throws Exception {
        assertThat(text(robot, "#instructor-card-title")).isEqualTo("Port already in use");
        assertThat(text(robot, "#instructor-errno")).startsWith("EADDRINUSE");
        assertThat(text(robot, "#instructor-check")).contains("if (rc == -1)");
        assertThat(text(robot, "#instructor-recover")).isNotBlank();
        assertThat(text(robot, "#instructor-badge")).isEqualTo("REAL");
        assertThat(fx(() -> ((ListView<?>) robot.lookup("#instructor-faults").query()).getItems())).hasSize(13);
        assertThat(fx(() -> robot.lookup("#instructor-followup").queryButton().getText())).isEqualTo("Release the port");
        assertThat(fx(() -> robot.lookup("#instructor-any-errno").query().isVisible())).isFalse();
    }

    @Test
    void settingUpEmfileRunsTheDemonstrationAndLabelsItSimulated(FxRobot robot) throws Exception {
        select(robot, Fault.EMFILE);
        assertThat(text(robot, "#instructor-card-title")).isEqualTo("Too many open files");
        Label badge = robot.lookup("#instructor-badge").queryAs(Label.class);
        assertThat(fx(badge::getText)).isEqualTo("SIMULATED");
        assertThat(fx(() -> badge.isVisible() && badge.getStyleClass().contains("simulated"))).isTrue();
        assertThat(fx(() -> robot.lookup("#instructor-followup").query().isVisible())).isFalse();

        robot.clickOn("#instructor-setup");
        // the server pauses at the failed accept(): the set-up waits until the instructor lets it go on
        await().atMost(WAIT).until(() -> text(robot, "#instructor-progress").contains("paused at the fault"));
        assertThat(room.gate().paused()).isTrue();
        assertThat(text(robot, "#instructor-status")).doesNotStartWith("✔");
        room.run();
        await().atMost(WAIT).until(() -> text(robot, "#instructor-status").startsWith("✔"));
        assertThat(text(robot, "#instructor-status")).contains("EMFILE").contains("[simulated]").contains("tried again");
        assertThat(fx(() -> robot.lookup("#instructor-progress").queryAs(TextArea.class).getText()))
                .contains("armed: the next accept() fails with EMFILE");
        await().atMost(WAIT).until(() -> text(robot, "#instructor-last-failure").contains("EMFILE"));
        assertThat(text(robot, "#instructor-last-failure")).contains("[simulated]");
        assertThat(events).anyMatch(e -> e instanceof ServerEvent.CallReturned r && r.stage() == Step.ACCEPT
                && r.simulated() && r.errno().name().equals("EMFILE"));
        assertThat(fx(() -> view.panel().setUpFaults().contains(Fault.EMFILE))).isTrue();
        screenshot("instructor-panel");

        robot.clickOn("#instructor-undo");
        await().atMost(WAIT).until(() -> text(robot, "#instructor-status").contains("Undone"));
        assertThat(fx(() -> view.panel().setUpFaults())).isEmpty();
        assertThat(room.faults().armed(Step.ACCEPT)).isEmpty();
        assertThat(room.gate().breakpoints()).isEmpty();
    }

    @Test
    void portInUseShowsTheRealEaddrinuseThenReleaseLetsBindSucceed(FxRobot robot) throws Exception {
        robot.clickOn("#instructor-setup");
        await().atMost(WAIT).until(() -> text(robot, "#instructor-status").startsWith("✔"));
        assertThat(text(robot, "#instructor-status")).contains("EADDRINUSE").doesNotContain("[simulated]");
        robot.clickOn("#instructor-followup");
        await().atMost(WAIT).until(() -> text(robot, "#instructor-status").contains("released"));
        assertThat(text(robot, "#instructor-status")).contains("bind(").contains(") = 0");
        assertThat(fx(() -> view.panel().missingCheckProperty().get())).isNull();

        // a second demonstration undoes the first one before it starts
        select(robot, Fault.UNCHECKED_SOCKET);
        robot.clickOn("#instructor-setup");
        await().atMost(WAIT).until(() -> text(robot, "#instructor-status").startsWith("✔"));
        assertThat(text(robot, "#instructor-status")).contains("EBADF");
        assertThat(text(robot, "#instructor-progress")).contains("undoing port-in-use first");
        assertThat(fx(() -> view.panel().setUpFaults())).containsExactly(Fault.UNCHECKED_SOCKET);
        assertThat(fx(() -> view.panel().missingCheckProperty().get())).isEqualTo(Step.SOCKET);
        screenshot("instructor-unchecked-socket");
    }

    @Test
    void aScenarioByNameSelectsItsFaultAndRunsItsSetUpInThePanel(FxRobot robot) throws Exception {
        robot.interact(() -> view.panel().runScenario(ScenarioCatalog.byName("peer-closes").orElseThrow()));
        assertThat(fx(() -> robot.lookup("#instructor-faults").queryListView().getSelectionModel().getSelectedItem()))
                .isEqualTo(Fault.PEER_CLOSES);
        await().atMost(WAIT).until(() -> text(robot, "#instructor-status").startsWith("✔"));
        assertThat(text(robot, "#instructor-status")).contains("recv(").contains(") = 0");
    }

    @Test
    void anyErrnoTellsWhatIsAcceptedWhenTheErrnoIsUnknown(FxRobot robot) throws Exception {
        select(robot, Fault.ANY_ERRNO);
        assertThat(fx(() -> robot.lookup("#instructor-any-errno").query().isVisible())).isTrue();
        @SuppressWarnings("unchecked")
        ComboBox<String> errno = robot.lookup("#instructor-errno-choice").queryAs(ComboBox.class);
        robot.interact(() -> errno.setValue("EBOGUS"));
        robot.clickOn("#instructor-setup");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#instructor-status")).contains("unknown errno 'EBOGUS'").contains("ECONNABORTED");
        assertThat(room.serverRunning()).isFalse();
        screenshot("instructor-any-errno");
    }

    @Test
    void withoutAClassroomTheActionsAreOffAndThePanelSaysWhy(FxRobot robot) throws Exception {
        InstructorPanelViewModel alone = new InstructorPanelViewModel(UiText.load(), null, Runnable::run);
        Parent detached = fx(() -> PaneLoader.load("/fxml/instructor/InstructorPanelView.fxml",
                new InstructorPanelView(alone)).root());
        robot.interact(() -> root.getScene().setRoot(detached));
        assertThat(text(robot, "#instructor-status")).contains("not connected");
        assertThat(fx(() -> robot.lookup("#instructor-setup").queryAs(Button.class).isDisabled())).isTrue();
    }

    private void select(FxRobot robot, Fault fault) {
        ListView<Fault> list = robot.lookup("#instructor-faults").query();
        robot.interact(() -> list.getSelectionModel().select(fault));
    }

    private static String text(FxRobot robot, String id) throws Exception {
        Node n = robot.lookup(id).query();
        return fx(() -> n instanceof Label l ? l.getText() : ((TextArea) n).getText());
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    /** A picture only: a loaded machine may take longer to draw it than a read of a label. */
    private void screenshot(String name) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> org.socketstage.ui.PaneSnapshots.save(root.getScene(), name)).get(30, TimeUnit.SECONDS);
    }
}
