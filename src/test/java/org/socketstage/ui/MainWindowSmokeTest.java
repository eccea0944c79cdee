package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.server.EventBus;
import org.socketstage.socket.SockAddrIn;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class MainWindowSmokeTest {

    private final EventBus bus = new EventBus();
    private final Events events = new Events();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        AppPrefs prefs = AppPrefs.open();
        prefs.clear();
        window = MainWindow.open(stage, new MainViewModel(Texts.load(), bus, null), prefs);
    }

    @Test
    void eventsOnTheBusReachTheLane(FxRobot robot) throws Exception {
        bus.publish((s, t) -> events.started(org.socketstage.server.Stage.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0"));
        bus.publish((s, t) -> events.ok(org.socketstage.server.Stage.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0", 3, null));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                robot.lookup("#stage-result-SOCKET").queryAs(Label.class).getText().equals("fd = 3"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                Screenshots.save(window.stage().getScene(), "smoke");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(robot.lookup("#listener-fd").queryAs(Label.class).getText()).isEqualTo("fd 3");
    }
}
