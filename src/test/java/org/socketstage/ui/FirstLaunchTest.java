package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.ui.controls.ServerControlViewModel;
import org.socketstage.ui.text.UiText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A first launch (preferences say so) opens lesson 1 and the guided tour; later launches do not. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class FirstLaunchTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private MainWindow window;
    private AppPrefs prefs;

    @Start
    void start(Stage stage) {
        prefs = AppPrefs.open();
        prefs.clear();
        window = MainWindow.open(stage, new MainViewModel(org.socketstage.session.TestSessions.forWindow(), UiText.load()), prefs);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.tour().close());
        robot.interact(window::close);
    }

    private static <T> T fx(Callable<T> read) {
        return MainWindowTest.fx(read);
    }

    private String tourTitle(FxRobot robot) {
        return fx(() -> robot.lookup("#tour-title").queryAs(Label.class).getText());
    }

    private String selectedTab() {
        return fx(() -> ((TabPane) window.stage().getScene().lookup(".pane-tabs")).getSelectionModel().getSelectedItem().getId());
    }

    /** What the outlined node is: its id, else its text (the menu bar's button of a menu), else its first style class. */
    private String outlined() {
        return fx(() -> {
            List<Node> marked = window.stage().getScene().getRoot().lookupAll("." + GuidedTour.TARGET_CLASS).stream().toList();
            assertThat(marked).hasSize(1);
            Node n = marked.get(0);
            return n.getId() != null ? n.getId()
                    : n instanceof javafx.scene.control.Labeled l ? "text:" + l.getText() : n.getStyleClass().get(0);
        });
    }

    @Test
    void theFirstLaunchOpensLessonOneAndTheTourWhichPointsAtFivePlaces(FxRobot robot) {
        assertThat(fx(() -> window.tour().isShowing())).isFalse();
        boolean first = fx(() -> window.greetIfFirstLaunch());
        assertThat(first).isTrue();
        assertThat(selectedTab()).isEqualTo("lessons-tab");
        assertThat(fx(() -> window.viewModel().lessons().selectedLessonProperty().get()))
                .isEqualTo(fx(() -> window.viewModel().lessons().lessons().get(0)));
        assertThat(fx(() -> window.tour().isShowing())).isTrue();
        robot.interact(() -> PaneSnapshots.save(window.stage().getScene(), "13-first-launch-tour"));
        robot.interact(() -> PaneSnapshots.save(window.tour().card(), "13-first-launch-tour-card"));

        List<String> seen = new java.util.ArrayList<>();
        List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            seen.add(outlined());
            titles.add(tourTitle(robot));
            robot.clickOn("#tour-next");
        }
        assertThat(seen.subList(0, 4)).containsExactly("step-button", "lane", "queue-box", "client-tab");
        assertThat(seen.get(4)).isIn("instructor-menu", "text:Instructor");
        assertThat(titles.get(0)).startsWith("Step");
        assertThat(fx(() -> window.tour().isShowing())).as("Done closes it").isFalse();
        assertThat(fx(() -> window.stage().getScene().getRoot().lookupAll("." + GuidedTour.TARGET_CLASS))).isEmpty();

        assertThat(fx(() -> window.greetIfFirstLaunch())).as("only once").isFalse();
        assertThat(AppPrefs.open().firstLaunch()).as("remembered in the preferences").isFalse();
    }

    @Test
    void theTourCanBeSkippedAndOpenedAgainFromHelp(FxRobot robot) {
        fx(() -> window.greetIfFirstLaunch());
        robot.clickOn("#tour-next");
        robot.clickOn("#tour-skip");
        assertThat(fx(() -> window.tour().isShowing())).isFalse();

        robot.interact(() -> window.mainView().root().requestFocus());
        robot.press(KeyCode.SHIFT).type(KeyCode.F1).release(KeyCode.SHIFT); // Help → Guided tour
        await().atMost(WAIT).until(() -> fx(() -> window.tour().isShowing()));
        assertThat(fx(() -> window.tour().indexProperty().get())).isZero();
        assertThat(outlined()).isEqualTo("step-button");

        robot.type(KeyCode.ESCAPE);
        await().atMost(WAIT).until(() -> !fx(() -> window.tour().isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.stage().getScene().getRoot().lookupAll("." + GuidedTour.TARGET_CLASS))).isEmpty();
        assertThat(fx(() -> window.viewModel().control().phaseProperty().get()))
                .isEqualTo(ServerControlViewModel.Phase.IDLE);
    }

    @Test
    void aLaterLaunchShowsNoTour(FxRobot robot) {
        prefs.firstLaunchDone();
        prefs.flush();
        assertThat(fx(() -> window.greetIfFirstLaunch())).isFalse();
        assertThat(fx(() -> window.tour().isShowing())).isFalse();
    }
}
