package org.socketstage.ui.lane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.Step;
import org.socketstage.ui.AppPrefs;
import org.socketstage.ui.MainViewModel;
import org.socketstage.ui.MainWindow;
import org.socketstage.ui.controls.ServerControlViewModel;
import org.socketstage.ui.text.UiText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the lane's cards draw, not only what their labels hold: after a real client's session each card shows
 * its last call's whole result, inside the card, and the lines that change in place (SteadyLine) draw their
 * newest text. (Cards once laid out on their own kept drawing an old text and their old width.)
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class LaneDrawnTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private MainWindow window;
    private int port;

    @Start
    void start(Stage stage) throws IOException {
        AppPrefs prefs = AppPrefs.open();
        prefs.clear();
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        MainViewModel vm = new MainViewModel(org.socketstage.session.TestSessions.forWindow(), UiText.load());
        window = MainWindow.open(stage, vm, prefs);
        vm.settings().portProperty().set(Integer.toString(port));
        vm.control().delayMillisProperty().set(ServerControlViewModel.MIN_DELAY_MS);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(window::close);
    }

    private StageStatus status(Step s) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> window.viewModel().lane().card(s).status()).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void afterAClientsSessionEveryCardDrawsItsWholeResultInsideItself(FxRobot robot) throws IOException {
        robot.clickOn("#live-button");
        await().atMost(WAIT).until(() -> status(Step.ACCEPT) == StageStatus.ACTIVE);
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = c.getOutputStream();
            out.write("hello there\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = c.getInputStream();
            byte[] echo = in.readNBytes(12);
            assertThat(new String(echo, StandardCharsets.US_ASCII)).isEqualTo("hello there\n");
        }
        await().atMost(WAIT).until(() -> status(Step.CLOSE_CLIENT) == StageStatus.OK && status(Step.ACCEPT) == StageStatus.ACTIVE);
        // two pulses: a card laid out alone may ask for its row's layout once it has been laid out
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.stage().getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            for (Step s : Step.values()) {
                Node card = robot.lookup("#stage-" + s.name()).query();
                Label result = robot.lookup("#stage-result-" + s.name()).queryAs(Label.class);
                Text drawn = (Text) result.lookup(".text");
                if (drawn == null || !drawn.getText().equals(result.getText())) {
                    problems.add(s + " draws '" + (drawn == null ? null : drawn.getText()) + "' for '" + result.getText() + "'");
                }
                Bounds inCard = card.sceneToLocal(result.localToScene(result.getBoundsInLocal()));
                Bounds cardBounds = card.getLayoutBounds();
                if (inCard.getMaxX() > cardBounds.getMaxX() + 0.5 || inCard.getMaxY() > cardBounds.getMaxY() + 0.5) {
                    problems.add(s + " result " + inCard + " outside its card " + cardBounds);
                }
            }
            // the lines that change in place at every refresh draw their newest text too
            for (String id : new String[] {"#lane-status", "#history-moment"}) {
                Label line = robot.lookup(id).queryAs(Label.class);
                Text drawn = (Text) line.lookup(".text");
                if (drawn == null || !drawn.getText().equals(line.getText())) {
                    problems.add(id + " draws '" + (drawn == null ? null : drawn.getText()) + "' for '" + line.getText() + "'");
                }
            }
        });
        assertThat(problems).isEmpty();
        assertThat(robot.lookup("#stage-result-SEND").queryAs(Label.class).getText()).contains("12");
    }
}
