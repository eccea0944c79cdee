package org.socketstage.ui.lessons;

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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.lessons.LessonSection;
import org.socketstage.event.EventBus;
import org.socketstage.server.LifecycleServer;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.ServerEvent;
import org.socketstage.server.StepGate;
import org.socketstage.socket.NativeSocketApi;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The pane fed the events of a real server run (native sockets on 127.0.0.1, live mode), the way the main
 * window feeds it: events are queued off the FX thread and applied on it in batches.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class LessonPaneFollowsServerTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private PaneHarness pane;
    private final EventBus bus = new EventBus();
    private final Queue<ServerEvent> inbox = new ConcurrentLinkedQueue<>();
    private final List<org.socketstage.event.Step> visited = new ArrayList<>();
    private EventBus.Subscription subscription;
    private LifecycleServer server;

    @Start
    void start(Stage stage) throws IOException {
        pane = PaneHarness.show(stage, 560, 790);
        pane.view.lessonViewModel().serverStageProperty().addListener((o, a, s) -> {
            if (s != null) {
                visited.add(s);
            }
        });
        subscription = bus.subscribe("lesson-pane-test", inbox::add);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(3));
        }
        subscription.close();
    }

    /** What the main window's per-pulse pump does: apply everything queued, on the FX thread. */
    private void pump(FxRobot robot) {
        robot.interact(() -> {
            ServerEvent e;
            while ((e = inbox.poll()) != null) {
                pane.view.viewModel().apply(e);
            }
        });
    }

    private void pumpUntilVisited(FxRobot robot, org.socketstage.event.Step stage) {
        await().atMost(WAIT).until(() -> {
            pump(robot);
            return visited.contains(stage);
        });
    }

    private LessonSection markedSection(FxRobot robot) {
        LessonSection[] out = new LessonSection[1];
        robot.interact(() -> {
            VBox here = PaneHarness.markedSection(pane.scene.getRoot());
            out[0] = here == null ? null : (LessonSection) here.getUserData();
        });
        return out[0];
    }

    /** The pane redraws the server's position once per frame, so wait for the next pulse. */
    private void awaitMarked(FxRobot robot, org.socketstage.event.Step stage) {
        await().atMost(WAIT).until(() -> {
            LessonSection s = markedSection(robot);
            return s != null && s.stage() == stage;
        });
    }

    @Test
    void followsEveryStageOfARealRun(FxRobot robot) throws Exception {
        server = new LifecycleServer(ServerConfig.defaults().withPort(0), new NativeSocketApi(),
                new StepGate(PacingMode.LIVE, 0), bus);
        server.start();
        pumpUntilVisited(robot, org.socketstage.event.Step.ACCEPT);

        awaitMarked(robot, org.socketstage.event.Step.ACCEPT);
        robot.interact(() -> {
            Label marker = (Label) PaneHarness.markedSection(pane.scene.getRoot()).lookup(".server-marker");
            assertThat(marker.isVisible()).isTrue();
            assertThat(marker.getText()).contains("accept()");
            assertThat(((Label) pane.scene.getRoot().lookup("#lesson-server-at")).getText()).contains("accept()");
            TaskCard socketTask = (TaskCard) pane.scene.getRoot().lookup(".task-card");
            assertThat(socketTask.getUserData()).isEqualTo("lifecycle/get-a-file-descriptor");
            assertThat(socketTask.achieved()).isTrue();
            assertThat(socketTask.getStyleClass()).contains("task-done");
            pane.snapshot("lesson-pane-following-accept");
        });

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.boundPort())) {
            OutputStream out = client.getOutputStream();
            out.write("hello\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = client.getInputStream();
            byte[] echo = in.readNBytes(6);
            assertThat(new String(echo, StandardCharsets.US_ASCII)).isEqualTo("hello\n");
            pumpUntilVisited(robot, org.socketstage.event.Step.SEND);
        }
        pumpUntilVisited(robot, org.socketstage.event.Step.CLOSE_CLIENT);
        assertThat(server.stop(Duration.ofSeconds(5))).isTrue();
        pumpUntilVisited(robot, org.socketstage.event.Step.CLOSE_LISTENER);

        List<org.socketstage.event.Step> order = List.of(org.socketstage.event.Step.values());
        List<Integer> firstSeen = order.stream().map(visited::indexOf).toList();
        assertThat(firstSeen).doesNotContain(-1).isSorted();
        awaitMarked(robot, org.socketstage.event.Step.CLOSE_LISTENER);
        robot.interact(() -> assertThat(pane.view.reader().marked().title()).startsWith("close(listener)"));
    }
}
