package org.socketstage.ui.schematic;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.session.TestSessions;
import org.socketstage.ui.MainWindowProbe;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not a test (its name keeps it out of the default run): the whole window at four real moments of a server on
 * loopback, at 1280x800 as it opens and at 1920x1080 in the presentation layout. Run it alone, with a headless
 * screen as large as the projector's:
 * {@code ./mvnw test -Dtest=StageScreenshots -Dheadless.geometry=1920x1080-32 -Dsocketstage.screenshots=src/site}.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class StageScreenshots {

    private MainWindowProbe window;
    private StageMoments moments;

    @Start
    void start(Stage stage) {
        window = MainWindowProbe.open(stage, TestSessions.forWindow());
        moments = new StageMoments(window.viewModel().session(), window.stageView());
    }

    @AfterEach
    void stop(FxRobot robot) throws IOException {
        moments.close();
        robot.interact(window::close);
    }

    /** The same moment at 1280x800 as the window opens, then at 1920x1080 in presentation. */
    private void shoot(FxRobot robot, String name) {
        window.showStageTab();
        window.layout(1280, 800, false);
        save(robot, "stage-" + name + "-1280x800");
        window.layout(1920, 1080, true);
        save(robot, "stage-" + name + "-1920x1080-presentation");
        window.layout(1280, 800, false);
    }

    private void save(FxRobot robot, String file) {
        // twice: the stage tells its ViewModel how many rows fit, and the ViewModel draws again
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Path saved = window.snapshot(file);
            System.out.println("StageScreenshots: " + saved);
        });
    }

    @Test
    void stepModeAtAcceptWithThreeQueuedClients(FxRobot robot) throws Exception {
        moments.atAcceptWithQueued(3);
        robot.interact(() -> window.viewModel().stage().select(new FigureRef(FigureRef.Kind.SLOT, 0)));
        shoot(robot, "step-accept-3-queued");
    }

    @Test
    void liveModeWithTwentyEchoingClients(FxRobot robot) {
        moments.liveWithEchoingClients(20);
        await().atMost(StageMoments.WAIT).until(() -> moments.frame().envelopes().stream()
                .anyMatch(e -> !e.resting() && e.count() > 1));
        shoot(robot, "live-20-clients");
    }

    @Test
    void aFullQueueLeavesClientsInSynSent(FxRobot robot) throws Exception {
        moments.overflow(5);
        shoot(robot, "overflow");
    }

    @Test
    void aClientResetsItsConnection(FxRobot robot) throws Exception {
        moments.reset();
        shoot(robot, "reset");
    }
}
