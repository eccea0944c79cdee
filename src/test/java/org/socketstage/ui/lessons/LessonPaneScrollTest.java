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

    /** The step of the section marked "the server is here", its top in the reader's viewport, the viewport's height. */
    private record MarkedPlace(Step step, double topInView, double viewportHeight) {}

    private MarkedPlace markedPlace() throws Exception {
        return LessonPaneUiTest.onFx(() -> {
            VBox here = PaneHarness.markedSection(pane.scene.getRoot());
            ScrollPane reader = PaneHarness.lookup(pane.scene.getRoot(), "#lesson-reader", ScrollPane.class);
            Bounds viewport = reader.localToScene(reader.getLayoutBounds());
            Bounds section = here.localToScene(here.getLayoutBounds());
            return new MarkedPlace(((LessonSection) here.getUserData()).stage(), section.getMinY() - viewport.getMinY(),
                    reader.getViewportBounds().getHeight());
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
            MarkedPlace at = markedPlace();
            assertThat(at.step()).isEqualTo(step);
            // at the top, or as near as the page's end lets it come (the last sections cannot reach the top)
            assertThat(at.topInView()).as("%s's top in the reader", step).isBetween(-1.0, at.viewportHeight() - 20);
        }
    }
}
