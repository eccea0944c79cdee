package org.socketstage.ui.schematic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.LifecycleServer;
import org.socketstage.server.ProcKernelView;
import org.socketstage.server.StepGate;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.socket.SocketBackend;
import org.socketstage.ui.PaneLoader;
import org.socketstage.ui.PaneSnapshots;
import org.socketstage.ui.ViewFeed;
import org.socketstage.ui.text.UiText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The stage fed by a real server on loopback through the real feed: objects appear, a click shows details. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SchematicViewTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final EventBus bus = new EventBus();
    private final Queue<ServerEvent> arrived = new ConcurrentLinkedQueue<>();
    private final List<Socket> clients = new ArrayList<>();
    private final ViewFeed feed = new ViewFeed(ViewFeed.DEFAULT_HISTORY);
    private SchematicView view;
    private Scene scene;
    private AnimationTimer pump;
    private LifecycleServer server;
    private EventBus.Subscription subscription;

    @Start
    void start(Stage stage) {
        PaneLoader.Loaded<SchematicView> loaded = PaneLoader.load("/fxml/schematic/SchematicView.fxml",
                new SchematicView(new SchematicViewModel(UiText.load())));
        view = loaded.controller();
        view.viewModel().setAnimationDurations(Duration.ofMillis(300), Duration.ofMillis(150));
        view.viewModel().pacingProperty().set(PacingMode.STEP);
        feed.addSink(view.viewModel());
        // the main window's door in small: the bus thread only enqueues, each pulse hands the batch to the feed
        subscription = bus.subscribe("test-stage", arrived::add);
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                List<ServerEvent> batch = new ArrayList<>();
                for (ServerEvent e; (e = arrived.poll()) != null; ) {
                    batch.add(e);
                }
                if (!batch.isEmpty()) {
                    feed.accept(batch);
                }
            }
        };
        pump.start();
        scene = new Scene(loaded.root(), 1100, 700);
        scene.getStylesheets().addAll(css("themes/base.css"), css("themes/light.css"));
        stage.setScene(scene);
        stage.show();
    }

    private static String css(String path) {
        return SchematicViewTest.class.getResource("/" + path).toExternalForm();
    }

    @AfterEach
    void stop(FxRobot robot) throws IOException {
        for (Socket c : clients) {
            c.close();
        }
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
        subscription.close();
        robot.interact(() -> {
            pump.stop();
            view.shutdown();
        });
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private void stepUntilHeld(StepGate gate, Step stage) {
        await().atMost(WAIT).until(() -> {
            var held = gate.held();
            if (!held.isEmpty() && held.get(0).stage() == stage) {
                return true;
            }
            gate.step();
            return false;
        });
    }

    private String text(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private int count(FxRobot robot, String query) {
        return fx(() -> (int) robot.lookup(query).queryAll().stream().filter(Node::isVisible).count());
    }

    @Test
    void aRealServerWithThreeQueuedClientsIsDrawnAndAClickShowsTheCallThatMadeIt(FxRobot robot) throws Exception {
        int port = freePort();
        StepGate gate = new StepGate(PacingMode.STEP, 0);
        server = new LifecycleServer(ServerConfig.defaults().withPort(port).withBacklog(5), SocketBackend.auto(), gate,
                bus, new FaultPlan(), new ProcKernelView());
        server.start();
        stepUntilHeld(gate, Step.ACCEPT);
        await().atMost(WAIT).until(() -> fx(() -> view.viewModel().frame().queue().open()));
        assertThat(fx(() -> robot.lookup("#schematic-listener").query().isVisible())).isTrue();
        assertThat(text(robot, "#schematic-listener-address")).isEqualTo("127.0.0.1:" + port);

        for (int i = 0; i < 3; i++) {
            clients.add(new Socket(InetAddress.getLoopbackAddress(), port));
        }
        // the kernel's table names the three waiting connections: three slots fill, three client rows appear
        await().atMost(WAIT).until(() -> count(robot, ".schematic-slot-filled") == 3);
        assertThat(count(robot, ".schematic-client")).isEqualTo(3);
        await().atMost(WAIT).until(() -> fx(() -> !view.animating())); // the last ACK has landed in its slot
        assertThat(text(robot, "#schematic-slot-0")).isEqualTo(Integer.toString(clients.get(0).getLocalPort()));

        robot.clickOn("#schematic-listener");
        await().atMost(WAIT).until(() -> fx(() -> robot.lookup("#schematic-details").query().isVisible()));
        assertThat(text(robot, "#schematic-details-title")).startsWith("listening socket fd ");
        assertThat(text(robot, "#schematic-details-text")).contains("made by: [server] socket(AF_INET, SOCK_STREAM, 0) = ");

        robot.clickOn("#schematic-slot-0");
        assertThat(text(robot, "#schematic-details-title")).startsWith("accept queue slot 1 of ");
        assertThat(text(robot, "#schematic-details-text")).contains("127.0.0.1:" + clients.get(0).getLocalPort());
        robot.interact(() -> PaneSnapshots.save(scene.getRoot(), "schematic-three-queued"));

        gate.step(); // accept() runs and takes the oldest connection
        await().atMost(WAIT).until(() -> count(robot, ".schematic-slot-filled") == 2);
        await().atMost(WAIT).until(() -> count(robot, ".schematic-connection") - count(robot, ".schematic-placeholder") == 1);
        String connection = fx(() -> robot.lookup(".schematic-connection")
                .match(n -> n.isVisible() && !n.getStyleClass().contains("schematic-placeholder"))
                .queryAs(javafx.scene.layout.VBox.class).getId());
        robot.clickOn("#" + connection);
        assertThat(text(robot, "#schematic-details-text")).contains("made by: [server] accept(");
        robot.interact(() -> PaneSnapshots.save(scene.getRoot(), "schematic-one-accepted"));

        // when the envelopes have landed nothing is left to animate, and one of them can still be clicked
        await().atMost(WAIT).until(() -> fx(() -> !view.animating()));
        String envelope = fx(() -> robot.lookup(".schematic-envelope").match(Node::isVisible).query().getId());
        robot.clickOn("#" + envelope);
        assertThat(text(robot, "#schematic-details-title")).startsWith("Packet: ");
        assertThat(text(robot, "#schematic-details-text")).contains("Not a capture");
    }

    @Test
    void scrubbingBackRebuildsAnEarlierMomentWithoutAnimating(FxRobot robot) throws Exception {
        int port = freePort();
        StepGate gate = new StepGate(PacingMode.LIVE, 0);
        gate.setBreakpoint(Step.ACCEPT, true);
        server = new LifecycleServer(ServerConfig.defaults().withPort(port), SocketBackend.auto(), gate, bus,
                new FaultPlan(), new ProcKernelView());
        server.start();
        stepUntilHeld(gate, Step.ACCEPT);
        clients.add(new Socket(InetAddress.getLoopbackAddress(), port));
        await().atMost(WAIT).until(() -> count(robot, ".schematic-slot-filled") == 1);

        int listenIndex = fx(() -> {
            for (int i = 0; i < feed.history().size(); i++) {
                if (feed.history().get(i) instanceof ServerEvent.CallReturned r && r.stage() == Step.LISTEN) {
                    return i;
                }
            }
            return -1;
        });
        robot.interact(() -> feed.showMoment(listenIndex));
        StageFrame back = fx(() -> view.viewModel().frame());
        assertThat(back.animate()).isFalse();
        assertThat(back.rows()).isEmpty();
        assertThat(back.queue().open()).isTrue();
        assertThat(back.envelopes()).noneMatch(e -> !e.resting());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(count(robot, ".schematic-client")).isZero();

        // read in the same FX call: the next live batch may animate again, the rebuilt picture must not
        List<Object> rebuilt = fx(() -> {
            feed.backToLive();
            return List.of(view.viewModel().frame(), view.animating());
        });
        StageFrame live = (StageFrame) rebuilt.get(0);
        assertThat(live.rows()).hasSize(1);
        assertThat(live.animate()).isFalse();
        assertThat(rebuilt.get(1)).as("a rebuilt picture starts no animation").isEqualTo(false);
    }
}
