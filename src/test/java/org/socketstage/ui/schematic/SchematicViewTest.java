package org.socketstage.ui.schematic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socketstage.ui.MainWindowProbe.fx;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.session.TestSessions;
import org.socketstage.settings.PacingMode;
import org.socketstage.ui.PaneSnapshots;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The stage fed by a real server on loopback through the real feed: objects appear, a click shows details. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SchematicViewTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private StageOnLoopback stage;
    private StageMoments moments;

    @Start
    void start(Stage window) {
        stage = StageOnLoopback.open(window, TestSessions.anyPort(), 1100, 700);
        stage.view.viewModel().setAnimationDurations(Duration.ofMillis(300), Duration.ofMillis(150));
        moments = new StageMoments(stage.session, stage.view);
    }

    @AfterEach
    void stop(FxRobot robot) throws IOException {
        moments.close();
        robot.interact(stage::close);
    }

    private String text(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private int count(FxRobot robot, String query) {
        return fx(() -> (int) robot.lookup(query).queryAll().stream().filter(Node::isVisible).count());
    }

    /** The visible nodes matching {@code query} that are in {@code state}. */
    private int count(FxRobot robot, String query, javafx.css.PseudoClass state) {
        return fx(() -> (int) robot.lookup(query).queryAll().stream()
                .filter(n -> n.isVisible() && n.getPseudoClassStates().contains(state)).count());
    }

    private int filledSlots(FxRobot robot) {
        return count(robot, ".schematic-slot", QueueNodes.FILLED);
    }

    private int placeholders(FxRobot robot) {
        return count(robot, ".schematic-connection", RowNodes.PLACEHOLDER);
    }

    @Test
    void aRealServerWithThreeQueuedClientsIsDrawnAndAClickShowsTheCallThatMadeIt(FxRobot robot) throws Exception {
        int port = moments.atAcceptWithQueued(0);
        await().atMost(WAIT).until(() -> fx(() -> stage.view.viewModel().frame().queue().open()));
        assertThat(fx(() -> robot.lookup("#schematic-listener").query().isVisible())).isTrue();
        assertThat(text(robot, "#schematic-listener-address")).isEqualTo("127.0.0.1:" + port);

        List<Socket> clients = moments.clients();
        for (int i = 0; i < 3; i++) {
            clients.add(new Socket(InetAddress.getLoopbackAddress(), port));
        }
        // the kernel's table names the three waiting connections: three slots fill, three client rows appear
        await().atMost(WAIT).until(() -> filledSlots(robot) == 3);
        assertThat(count(robot, ".schematic-client")).isEqualTo(3);
        await().atMost(WAIT).until(() -> !moments.animating()); // the last ACK has landed in its slot
        assertThat(text(robot, "#schematic-slot-0")).isEqualTo(Integer.toString(clients.get(0).getLocalPort()));

        robot.clickOn("#schematic-listener");
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#schematic-details").query().isVisible()));
        assertThat(text(robot, "#schematic-details-title")).startsWith("listening socket fd ");
        assertThat(text(robot, "#schematic-details-text")).contains("made by: [server] socket(AF_INET, SOCK_STREAM, 0) = ");

        robot.clickOn("#schematic-slot-0");
        assertThat(text(robot, "#schematic-details-title")).startsWith("accept queue slot 1 of ");
        assertThat(text(robot, "#schematic-details-text")).contains("127.0.0.1:" + clients.get(0).getLocalPort());
        robot.interact(() -> PaneSnapshots.save(stage.root(), "schematic-three-queued"));

        stage.session.gate().step(); // accept() runs and takes the oldest connection
        await().atMost(WAIT).until(() -> filledSlots(robot) == 2);
        await().atMost(WAIT).until(() -> count(robot, ".schematic-connection") - placeholders(robot) == 1);
        Node connection = fx(() -> robot.lookup(".schematic-connection")
                .match(n -> n.isVisible() && !n.getPseudoClassStates().contains(RowNodes.PLACEHOLDER)).query());
        robot.clickOn(connection);
        assertThat(text(robot, "#schematic-details-text")).contains("made by: [server] accept(");
        robot.interact(() -> PaneSnapshots.save(stage.root(), "schematic-one-accepted"));

        // when the envelopes have landed nothing is left to animate, and one of them can still be clicked
        await().atMost(WAIT).until(() -> !moments.animating());
        Node envelope = fx(() -> robot.lookup(".schematic-envelope").match(Node::isVisible).query());
        robot.clickOn(envelope);
        assertThat(text(robot, "#schematic-details-title")).startsWith("Packet: ");
        assertThat(text(robot, "#schematic-details-text")).contains("Not a capture");
    }

    @Test
    void scrubbingBackRebuildsAnEarlierMomentWithoutAnimating(FxRobot robot) throws Exception {
        stage.session.setBreakpoint(Step.ACCEPT, true);
        int port = moments.start(TestSessions.anyPort(), PacingMode.LIVE);
        moments.holdAt(Step.ACCEPT);
        moments.clients().add(new Socket(InetAddress.getLoopbackAddress(), port));
        await().atMost(WAIT).until(() -> filledSlots(robot) == 1);

        int listenIndex = fx(() -> {
            for (int i = 0; i < stage.feed.history().size(); i++) {
                if (stage.feed.history().get(i) instanceof ServerEvent.CallReturned r && r.stage() == Step.LISTEN) {
                    return i;
                }
            }
            return -1;
        });
        robot.interact(() -> stage.feed.showMoment(listenIndex));
        StageFrame back = fx(() -> stage.view.viewModel().frame());
        assertThat(back.animate()).isFalse();
        assertThat(back.rows()).isEmpty();
        assertThat(back.queue().open()).isTrue();
        assertThat(back.envelopes()).noneMatch(e -> !e.resting());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count(robot, ".schematic-client")).isZero();

        // read in the same FX call: the next live batch may animate again, the rebuilt picture must not
        List<Object> rebuilt = fx(() -> {
            stage.feed.backToLive();
            return List.of(stage.view.viewModel().frame(), stage.view.animating());
        });
        StageFrame live = (StageFrame) rebuilt.get(0);
        assertThat(live.rows()).hasSize(1);
        assertThat(live.animate()).isFalse();
        assertThat(rebuilt.get(1)).as("a rebuilt picture starts no animation").isEqualTo(false);
    }
}
