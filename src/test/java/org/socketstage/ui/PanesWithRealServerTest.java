package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.socketstage.ui.log.EventLogViewModel;
import org.socketstage.ui.sockaddr.SockaddrViewModel;
import org.socketstage.ui.code.CodeViewModel;
import org.socketstage.ui.text.UiText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.EventBus;
import org.socketstage.server.LifecycleServer;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.ServerEvent;
import org.socketstage.server.StepGate;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SocketBackend;
import org.socketstage.ui.code.CodeLine;
import org.socketstage.ui.code.CodeView;
import org.socketstage.ui.log.EventLogView;
import org.socketstage.ui.log.LogRow;
import org.socketstage.ui.sockaddr.SockaddrView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The three panes fed by the real server on loopback, stepped call by call as a student would. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PanesWithRealServerTest {

    private final EventBus bus = new EventBus();
    private final Queue<ServerEvent> arrived = new ConcurrentLinkedQueue<>();
    private final SocketApi api = SocketBackend.auto();
    private CodeView code;
    private SockaddrView sockaddr;
    private EventLogView log;
    private Scene scene;
    private AnimationTimer pump;
    private LifecycleServer server;
    private EventBus.Subscription feed;

    @Start
    void start(Stage stage) {
        UiText text = UiText.load();
        PaneLoader.Loaded<CodeView> c = PaneLoader.load("/fxml/code/CodeView.fxml",
                new CodeView(CodeViewModel.withBundledListings(text)));
        PaneLoader.Loaded<SockaddrView> s = PaneLoader.load("/fxml/sockaddr/SockaddrView.fxml",
                new SockaddrView(new SockaddrViewModel(text), text));
        EventLogViewModel logModel = new EventLogViewModel(text, Runnable::run);
        try {
            logModel.useSpool(org.socketstage.record.EventSpool.open(bus));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PaneLoader.Loaded<EventLogView> l = PaneLoader.load("/fxml/log/EventLogView.fxml", new EventLogView(logModel, text));
        code = c.controller();
        sockaddr = s.controller();
        log = l.controller();
        // a small stand-in for the main window's pump: the bus thread only enqueues, each pulse drains
        feed = bus.subscribe("test-panes", arrived::add);
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                for (ServerEvent e; (e = arrived.poll()) != null; ) {
                    code.viewModel().apply(e);
                    sockaddr.viewModel().apply(e);
                    log.viewModel().apply(e);
                }
                code.viewModel().publish();
                log.viewModel().publish();
            }
        };
        pump.start();
        VBox right = new VBox(s.root(), l.root());
        VBox.setVgrow(l.root(), Priority.ALWAYS);
        HBox root = new HBox(c.root(), right);
        HBox.setHgrow(right, Priority.ALWAYS);
        scene = WindowStyles.apply(new Scene(root, 1270, 790));
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
        feed.close();
        robot.interact(() -> {
            pump.stop();
            log.shutdown();
        });
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private void stepUntilHeld(StepGate gate, org.socketstage.event.Step stage) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var held = gate.held();
            if (!held.isEmpty() && held.get(0).stage() == stage) {
                return true;
            }
            gate.step();
            return false;
        });
    }

    private void awaitShown(FxRobot robot) {
        long last = bus.lastSeq();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            robot.interact(() -> { });
            List<LogRow> rows = log.viewModel().rows();
            return !rows.isEmpty() && rows.get(rows.size() - 1).seq() >= last;
        });
    }

    @Test
    void steppingTheRealServerToAcceptFillsTheThreePanes(FxRobot robot) throws Exception {
        int port = freePort();
        StepGate gate = new StepGate(PacingMode.STEP, 0);
        server = new LifecycleServer(ServerConfig.defaults().withPort(port), api, gate, bus);
        server.start();

        stepUntilHeld(gate, org.socketstage.event.Step.ACCEPT);
        awaitShown(robot);

        int bindLine = code.viewModel().c().listing().site(org.socketstage.event.Step.BIND).orElseThrow().call().first();
        CodeLine bind = code.viewModel().c().line(bindLine);
        assertThat(bind.annotation()).isEqualTo("→ 0");
        int acceptLine = code.viewModel().c().listing().site(org.socketstage.event.Step.ACCEPT).orElseThrow().call().first();
        assertThat(code.viewModel().c().currentLine()).isEqualTo(acceptLine);
        assertThat(code.viewModel().c().line(acceptLine).annotation()).startsWith("‖ waiting (step)");

        SockAddrIn expected = SockAddrIn.loopback(port);
        assertThat(String.join(" ", sockaddr.viewModel().byteHex())).isEqualTo(
                java.util.HexFormat.ofDelimiter(" ").formatHex(expected.structBytes()));
        assertThat(sockaddr.viewModel().portNetworkOrderProperty().get())
                .isEqualTo(java.util.HexFormat.ofDelimiter(" ").formatHex(expected.portNetworkOrder()));

        assertThat(log.viewModel().rows()).anyMatch(r -> r.call().startsWith("bind(") && r.result().startsWith("0"))
                .anyMatch(r -> r.call().startsWith("listen(") && r.result().startsWith("0"));

        try (Socket client = new Socket("127.0.0.1", port)) {
            gate.step();
            stepUntilHeld(gate, org.socketstage.event.Step.RECV);
            awaitShown(robot);
            assertThat(code.viewModel().c().line(acceptLine).annotation())
                    .endsWith("(127.0.0.1:" + client.getLocalPort() + ")");
            robot.interact(() -> PaneSnapshots.save(scene.getRoot(), "panes-real-server-accepted"));
            // the colours of the main window's dark theme, to check the panes stay readable on it
            robot.interact(() -> scene.getRoot().setStyle("-fx-base: #353b44; -fx-background: #1e2228;"
                    + " -fx-control-inner-background: #2a3038; -fx-accent: #4d8fe8;"));
            robot.interact(() -> PaneSnapshots.save(scene.getRoot(), "panes-real-server-accepted-dark"));
        }
    }
}
