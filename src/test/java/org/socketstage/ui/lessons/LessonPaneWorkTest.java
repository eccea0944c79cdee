package org.socketstage.ui.lessons;

import org.socketstage.event.TestEvents;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.lessons.LessonSection;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What showing "where the server is" costs the FX thread: nothing while the server stays at its stage, and
 * under a busy server one marker move per pause rather than one per frame. Work is counted by what changes on
 * screen (the marker's pseudo-class, the label above the tabs, the reader's scroll), frame by frame.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class LessonPaneWorkTest {

    private static final TestEvents EVENTS = new TestEvents();

    private PaneHarness pane;
    private final AtomicInteger markerMoves = new AtomicInteger();
    private final AtomicInteger serverAtChanges = new AtomicInteger();
    private final AtomicInteger scrolls = new AtomicInteger();

    @Start
    void start(Stage stage) throws IOException {
        pane = PaneHarness.show(stage, 560, 790);
        SetChangeListener<PseudoClass> moves = c -> {
            if (c.wasAdded() && c.getElementAdded() == LessonReader.SERVER_HERE) {
                markerMoves.incrementAndGet();
            }
        };
        for (Node section : pane.scene.getRoot().lookupAll(".lesson-section")) {
            section.getPseudoClassStates().addListener(moves);
        }
        lookup("#lesson-server-at", Label.class).textProperty().addListener(o -> serverAtChanges.incrementAndGet());
        lookup("#lesson-reader", ScrollPane.class).vvalueProperty().addListener(o -> scrolls.incrementAndGet());
    }

    private <T extends Node> T lookup(String selector, Class<T> type) {
        return PaneHarness.lookup(pane.scene.getRoot(), selector, type);
    }

    private void apply(FxRobot robot, ServerEvent... events) {
        robot.interact(() -> {
            for (ServerEvent e : events) {
                pane.view.viewModel().apply(e);
            }
        });
    }

    private Step marked(FxRobot robot) throws Exception {
        Node here = LessonPaneUiTest.onFx(() -> PaneHarness.markedSection(pane.scene.getRoot()));
        return here == null ? null : ((LessonSection) here.getUserData()).stage();
    }

    @Test
    void eventsThatLeaveTheServerWhereItIsCostNothing(FxRobot robot) throws Exception {
        List<ServerEvent> busy = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            busy.add(EVENTS.ok(Step.RECV, 6));
            busy.add(EVENTS.started(Actor.connection(7, null), Step.RECV));
            busy.add(EVENTS.started(Actor.client(9, null), Step.SEND));
            busy.add(EVENTS.started(Actor.KERNEL, Step.ACCEPT));
        }
        ServerEvent[] frameOfEvents = busy.toArray(ServerEvent[]::new);
        apply(robot, EVENTS.started(Step.RECV));
        apply(robot, frameOfEvents); // any try-it task these achieve ticks now, not during the count
        pane.frames(robot, 2);
        assertThat(marked(robot)).isEqualTo(Step.RECV);
        markerMoves.set(0);
        serverAtChanges.set(0);
        scrolls.set(0);

        for (int frame = 0; frame < 20; frame++) {
            apply(robot, frameOfEvents);
            pane.frames(robot, 1);
        }

        assertThat(markerMoves).as("marker moves").hasValue(0);
        assertThat(serverAtChanges).as("'the server is at' changes").hasValue(0);
        assertThat(scrolls).as("scrolls").hasValue(0);
    }

    @Test
    void aBusyServerMovesTheMarkerOncePerPauseNotOncePerFrame(FxRobot robot) throws Exception {
        robot.interact(() -> pane.view.setFollowPause(Duration.hours(1)));
        markerMoves.set(0);
        apply(robot, EVENTS.started(Step.SOCKET), EVENTS.started(Step.SETSOCKOPT), EVENTS.started(Step.BIND));
        pane.frames(robot, 2);
        assertThat(marked(robot)).as("a burst in one frame shows where it ended").isEqualTo(Step.BIND);
        assertThat(markerMoves).as("and moves the marker once").hasValue(1);
        String atBind = lookup("#lesson-server-at", Label.class).getText();
        assertThat(atBind).contains("bind()");

        Step[] echo = {Step.ACCEPT, Step.RECV, Step.SEND, Step.RECV, Step.SEND, Step.CLOSE_CLIENT};
        for (int frame = 0; frame < 30; frame++) {
            apply(robot, EVENTS.started(Actor.connection(7, null), echo[frame % echo.length]));
            pane.frames(robot, 1);
        }
        assertThat(markerMoves).as("30 stage changes within the pause").hasValue(1);
        assertThat(marked(robot)).isEqualTo(Step.BIND);
        assertThat(lookup("#lesson-server-at", Label.class).getText()).isEqualTo(atBind);

        robot.interact(() -> pane.view.setFollowPause(Duration.ZERO));
        Step last = echo[29 % echo.length];
        assertThat(marked(robot)).as("when the pause ends, the latest stage shows").isEqualTo(last);
        assertThat(markerMoves).hasValue(2);
        assertThat(lookup("#lesson-server-at", Label.class).getText()).contains(last.label());
    }

    @Test
    void aServerGoingRoundItsEchoLoopHoldsTheMarkerUntilTheLoopEnds(FxRobot robot) throws Exception {
        robot.interact(() -> pane.view.setFollowPause(Duration.hours(1)));
        apply(robot, EVENTS.started(Step.ACCEPT));
        pane.frames(robot, 2);
        robot.interact(pane.view::endFollowPause); // accept() waited longer than a pause
        apply(robot, EVENTS.started(Actor.connection(7, null), Step.RECV));
        pane.frames(robot, 2);
        assertThat(marked(robot)).as("after a quiet spell the marker follows at once").isEqualTo(Step.RECV);
        markerMoves.set(0);
        serverAtChanges.set(0);
        scrolls.set(0);

        // ten pauses of fifty clients' echoes: the server between recv() and send() from one frame to the next
        for (int pause = 0; pause < 10; pause++) {
            for (int frame = 0; frame < 6; frame++) {
                apply(robot, EVENTS.started(Actor.connection(7 + frame, null), frame % 2 == 0 ? Step.SEND : Step.RECV));
                pane.frames(robot, 1);
            }
            apply(robot, EVENTS.started(Actor.connection(7, null), pause % 2 == 0 ? Step.SEND : Step.RECV));
            pane.frames(robot, 1);
            robot.interact(pane.view::endFollowPause);
            pane.frames(robot, 1);
        }
        assertThat(markerMoves).as("marker moves while the server loops through the marked section").hasValue(0);
        assertThat(serverAtChanges).as("'the server is at' changes").hasValue(0);
        assertThat(scrolls).as("scrolls").hasValue(0);
        assertThat(marked(robot)).isEqualTo(Step.RECV);

        // the clients leave: close(client), then accept() waits for the next one
        apply(robot, EVENTS.started(Actor.connection(7, null), Step.CLOSE_CLIENT));
        pane.frames(robot, 1);
        apply(robot, EVENTS.started(Step.ACCEPT));
        pane.frames(robot, 1);
        robot.interact(pane.view::endFollowPause);
        pane.frames(robot, 2);
        assertThat(marked(robot)).as("the server moved on and did not come back: followed").isEqualTo(Step.ACCEPT);
        assertThat(markerMoves).hasValue(1);
        assertThat(lookup("#lesson-server-at", Label.class).getText()).contains(Step.ACCEPT.label());
    }

    @Test
    void aStepEachPauseIsFollowedStepByStep(FxRobot robot) throws Exception {
        robot.interact(() -> pane.view.setFollowPause(Duration.hours(1)));
        apply(robot, EVENTS.started(Actor.connection(7, null), Step.RECV));
        pane.frames(robot, 2);
        assertThat(marked(robot)).isEqualTo(Step.RECV);
        // Run with a delay a little under the pause: one call per pause, recv() and send() in turn
        Step[] calls = {Step.SEND, Step.RECV, Step.SEND, Step.RECV};
        for (Step call : calls) {
            apply(robot, EVENTS.started(Actor.connection(7, null), call));
            pane.frames(robot, 1);
            robot.interact(pane.view::endFollowPause);
            pane.frames(robot, 2);
            assertThat(marked(robot)).as("after " + call).isEqualTo(call);
        }
    }
}
