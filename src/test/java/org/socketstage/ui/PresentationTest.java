package org.socketstage.ui;

import org.socketstage.ui.text.UiText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.socketstage.ui.MainWindowTest.fx;

import java.io.IOException;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.EventBus;
import org.socketstage.socket.SocketBackend;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Zoom, themes, help and remembered settings: what makes the window usable on a projector. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class PresentationTest {

    private MainWindow window;
    private MainWindow second;

    @Start
    void start(Stage stage) {
        AppPrefs prefs = AppPrefs.open();
        prefs.clear();
        window = MainWindow.open(stage, new MainViewModel(org.socketstage.session.TestSessions.forWindow(), UiText.load()), prefs);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            window.close();
            if (second != null) {
                second.stage().close();
            }
        });
        AppPrefs.open().clear();
    }

    private double fontSize(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getFont().getSize());
    }

    @Test
    void ctrlPlusScalesTextAndDrawingsAndCtrlZeroResets(FxRobot robot) throws IOException {
        double text = fontSize(robot, "#lane-title");
        double card = fx(() -> robot.lookup("#stage-SOCKET").queryAs(javafx.scene.layout.Region.class).getWidth());
        robot.clickOn("#lane-title");
        for (int i = 0; i < 5; i++) {
            robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.viewModel().presentation().zoomProperty().get())).isEqualTo(1.5);
        assertThat(fontSize(robot, "#lane-title")).isCloseTo(text * 1.5, org.assertj.core.data.Offset.offset(0.6));
        assertThat(fx(() -> robot.lookup("#stage-SOCKET").queryAs(javafx.scene.layout.Region.class).getWidth()))
                .isGreaterThan(card * 1.3);
        robot.interact(() -> PaneSnapshots.save(window.stage().getScene(), "10-zoom-150"));
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fontSize(robot, "#lane-title")).isCloseTo(text, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void theDarkThemeSwapsTheStylesheet(FxRobot robot) throws IOException {
        robot.clickOn("#dark-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> window.stage().getScene().getStylesheets()))
                .anyMatch(s -> s.endsWith("themes/dark.css")).noneMatch(s -> s.endsWith("themes/light.css"));
        robot.interact(() -> PaneSnapshots.save(window.stage().getScene(), "11-dark"));
    }

    @Test
    void helpListsEveryShortcut(FxRobot robot) {
        robot.clickOn("#help-button");
        WaitForAsyncUtils.waitForFxEvents();
        String help = fx(() -> robot.lookup("#help-dialog").queryAs(javafx.scene.control.DialogPane.class).getContentText());
        assertThat(help).contains("Space", "Step", "R\t", "Run", "P\t", "Pause", "Esc", "Stop", "F11", "Ctrl +", "Ctrl −");
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup("#help-dialog").query().getScene().getWindow()).close());
    }

    @Test
    void settingsAndWindowSizeAreRememberedForTheNextRunButNotBreakpoints(FxRobot robot) {
        robot.interact(() -> {
            window.viewModel().settings().portProperty().set("7321");
            window.viewModel().settings().backlogProperty().set("3");
            window.viewModel().control().setBreakpoint(org.socketstage.event.Step.LISTEN, true);
            window.viewModel().presentation().setZoom(1.3);
            window.stage().setWidth(1100);
            window.stage().setHeight(700);
            window.close();
        });
        robot.interact(() -> second = MainWindow.open(new Stage(), new MainViewModel(
                SocketStageApp.openSession(org.socketstage.LaunchOptions.none(), AppPrefs.open()), UiText.load()),
                AppPrefs.open()));
        MainViewModel vm = second.viewModel();
        assertThat(fx(() -> vm.settings().portProperty().get())).isEqualTo("7321");
        assertThat(fx(() -> vm.settings().backlogProperty().get())).isEqualTo("3");
        // a breakpoint belongs to the demonstration at hand: the next launch starts without any
        assertThat(fx(() -> vm.control().breakpoints())).isEmpty();
        assertThat(fx(() -> vm.presentation().zoomProperty().get())).isEqualTo(1.3);
        assertThat(fx(() -> second.stage().getWidth())).isEqualTo(1100);
        assertThat(fx(() -> second.stage().getHeight())).isEqualTo(700);
        assertThat(fx(() -> robot.lookup("#breakpoint-LISTEN").queryAs(javafx.scene.control.ToggleButton.class)
                .isSelected())).isFalse();
    }
}
