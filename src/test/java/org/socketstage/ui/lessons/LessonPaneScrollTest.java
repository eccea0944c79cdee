package org.socketstage.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import javafx.geometry.Bounds;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.Actor;
import org.socketstage.event.Step;
import org.socketstage.event.TestEvents;
import org.socketstage.lessons.LessonSection;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Following the server, the section marked "the server is here" is the one at the top of the reader, after every
 * move: clients coming and going make the server jump between accept(), recv(), send() and close() within frames.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class LessonPaneScrollTest {

    private static final TestEvents EVENTS = new TestEvents();

    private PaneHarness pane;

    @Start
    void start(Stage stage) throws IOException {
        pane = PaneHarness.show(stage, 560, 790);
    }


    /** Where the marked section's top is in the reader's viewport (0 = its top edge), and the viewport's height. */
    private double[] markedTopInView(FxRobot robot) throws Exception {
        return LessonPaneUiTest.onFx(() -> {
            VBox here = PaneHarness.markedSection(pane.scene.getRoot());
            ScrollPane reader = PaneHarness.lookup(pane.scene.getRoot(), "#lesson-reader", ScrollPane.class);
            Bounds viewport = reader.localToScene(reader.getLayoutBounds());
            Bounds section = here.localToScene(here.getLayoutBounds());
            return new double[] {section.getMinY() - viewport.getMinY(), reader.getViewportBounds().getHeight(),
                    ((LessonSection) here.getUserData()).stage().ordinal()};
        });
    }

    @Test
    void theMarkedSectionIsAtTheTopAfterEveryMove(FxRobot robot) throws Exception {
        robot.interact(() -> {
            pane.view.setFollowPause(Duration.ZERO);
            pane.view.lessonViewModel().followServerProperty().set(true);
        });
        Step[] run = {Step.SOCKET, Step.LISTEN, Step.ACCEPT, Step.RECV, Step.SEND, Step.RECV, Step.CLOSE_CLIENT,
                Step.ACCEPT, Step.RECV, Step.CLOSE_CLIENT, Step.ACCEPT, Step.CLOSE_LISTENER, Step.BIND, Step.ACCEPT};
        for (Step step : run) {
            robot.interact(() -> pane.view.viewModel().apply(EVENTS.started(Actor.connection(7, null), step)));
            pane.frames(robot, 2);
            double[] at = markedTopInView(robot);
            assertThat(Step.values()[(int) at[2]]).isEqualTo(step);
            // at the top, or as near as the page's end lets it come (the last sections cannot reach the top)
            assertThat(at[0]).as("%s's top in the reader", step).isBetween(-1.0, at[1] - 20);
        }
    }
}
