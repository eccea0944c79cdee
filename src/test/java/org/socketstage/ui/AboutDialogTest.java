package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.BuildInfo;
import org.socketstage.event.EventBus;
import org.socketstage.socket.SocketBackend;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Help → About in the real window says the same version and revision as --version, and every licence. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class AboutDialogTest {

    private MainWindow window;

    @Start
    void start(Stage stage) {
        AppPrefs prefs = AppPrefs.open();
        prefs.clear();
        window = MainWindow.open(stage, new MainViewModel(org.socketstage.session.TestSessions.forWindow(), org.socketstage.ui.text.UiText.load()), prefs);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    private String label(FxRobot robot, String id) {
        return MainWindowTest.fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void aboutShowsVersionRevisionLicenceAndTheLibrariesLicences(FxRobot robot) {
        robot.clickOn("Help").clickOn("#about-menu-item");
        BuildInfo build = BuildInfo.current();

        DialogPane about = robot.lookup("#about-dialog").queryAs(DialogPane.class);
        assertThat(MainWindowTest.fx(about::getHeaderText)).isEqualTo("SocketStage " + build.version());
        assertThat(label(robot, "#about-revision")).contains(build.revisionText());
        assertThat(label(robot, "#about-licence")).contains("MIT");
        assertThat(label(robot, "#about-runtime")).contains(System.getProperty("java.version"))
                .contains(window.viewModel().socketApiName())
                // the tests' headless platform chose its renderer itself: the app says it left the choice to JavaFX
                .contains("Drawing: JavaFX's own choice of renderer");
        assertThat(MainWindowTest.fx(() -> robot.lookup("#about-libraries").queryAs(TextArea.class).getText()))
                .isEqualTo(BuildInfo.thirdPartyLicences()).contains("Java Native Access").contains("ControlsFX");

        robot.clickOn("Close");
        assertThat(robot.lookup("#about-dialog").tryQuery()).isEmpty();
    }

    @Test
    void theKeysItemOpensTheHelp(FxRobot robot) {
        robot.clickOn("Help").clickOn("#keys-menu-item");
        assertThat(robot.lookup("#help-dialog").tryQuery()).isPresent();
        robot.clickOn("Close");
    }

    @Test
    void theWindowCarriesTheApplicationIconInEverySize() {
        assertThat(MainWindowTest.fx(() -> window.stage().getIcons().stream().map(Image::getWidth).toList()))
                .containsExactly(16.0, 24.0, 32.0, 48.0, 64.0, 128.0, 256.0);
    }
}
