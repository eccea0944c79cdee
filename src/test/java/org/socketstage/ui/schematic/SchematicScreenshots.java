package org.socketstage.ui.schematic;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
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
import org.socketstage.settings.Concurrency;
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

/**
 * Not a test (its name keeps it out of the default run): draws the stage filling a 1280x800 and a 1920x1080
 * screen, as a presentation layout would show it, at four moments of a real server on loopback. Run it with
 * {@code ./mvnw test -Dtest=SchematicScreenshots}; the PNGs go to target/screenshots/stage-*.png.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SchematicScreenshots {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final EventBus bus = new EventBus();
    private final Queue<ServerEvent> arrived = new ConcurrentLinkedQueue<>();
    private final ViewFeed feed = new ViewFeed(ViewFeed.DEFAULT_HISTORY);
    private final List<Socket> clients = new ArrayList<>();
    private final List<SocketChannel> waiting = new ArrayList<>();
    private final ExecutorService echoers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "shot-echo-client");
        t.setDaemon(true);
        return t;
    });
    private SchematicView view;
    private Parent root;
    private AnimationTimer pump;
    private LifecycleServer server;
    private EventBus.Subscription subscription;
    private volatile boolean echoing = true;

    @Start
    void start(Stage stage) {
        PaneLoader.Loaded<SchematicView> loaded = PaneLoader.load("/fxml/schematic/SchematicView.fxml",
                new SchematicView(new SchematicViewModel(UiText.load())));
        view = loaded.controller();
        root = loaded.root();
        feed.addSink(view.viewModel());
        subscription = bus.subscribe("shots", arrived::add);
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
        Pane holder = new Pane(root);
        Scene scene = new Scene(holder, 1280, 800); // the headless screen's size; a node snapshot may be larger
        scene.getStylesheets().addAll(css("themes/base.css"), css("themes/light.css"));
        stage.setScene(scene);
        stage.show();
        size(1280, 800, 13);
    }

    private static String css(String path) {
        return SchematicScreenshots.class.getResource("/" + path).toExternalForm();
    }

    private void size(double w, double h, double fontPx) {
        root.setStyle("-fx-font-size: " + fontPx + "px;");
        ((javafx.scene.layout.Region) root).setPrefSize(w, h);
        ((javafx.scene.layout.Region) root).resize(w, h);
    }

    @AfterEach
    void stop(FxRobot robot) throws IOException {
        echoing = false;
        echoers.shutdownNow();
        for (Socket c : clients) {
            c.close();
        }
        for (SocketChannel c : waiting) {
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

    /**
     * The same moment at both sizes: 1280x800 at the window's normal text size, 1920x1080 at a projector's
     * (24 px body text, what a presentation layout asks for), and the first also in the dark theme.
     */
    private void shoot(FxRobot robot, String name) {
        shootAt(robot, name, 1280, 800, 13);
        shootAt(robot, name, 1920, 1080, 24);
        robot.interact(() -> theme("themes/dark.css"));
        shootAt(robot, name + "-dark", 1280, 800, 13);
        robot.interact(() -> theme("themes/light.css"));
        robot.interact(() -> size(1280, 800, 13));
    }

    private void theme(String css) {
        Scene scene = root.getScene();
        scene.getStylesheets().removeIf(s -> s.contains("themes/light.css") || s.contains("themes/dark.css"));
        scene.getStylesheets().add(css(css));
    }

    private void shootAt(FxRobot robot, String name, double w, double h, double fontPx) {
        robot.interact(() -> size(w, h, fontPx));
        // one more round: the stage tells its ViewModel how many rows fit, and the ViewModel draws again
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> PaneSnapshots.save(root, "stage-" + name + "-" + (int) w + "x" + (int) h));
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

    private int run(ServerConfig config, StepGate gate) throws IOException {
        int port = freePort();
        server = new LifecycleServer(config.withPort(port), SocketBackend.auto(), gate, bus, new FaultPlan(),
                new ProcKernelView());
        server.start();
        return port;
    }

    private void holdAt(StepGate gate, Step stage) {
        await().atMost(WAIT).until(() -> {
            var held = gate.held();
            if (!held.isEmpty() && held.get(0).stage() == stage) {
                return true;
            }
            gate.step();
            return false;
        });
    }

    private StageFrame frame() {
        return fx(() -> view.viewModel().frame());
    }

    /** Step mode, each call's animation drawn out so that both pictures catch the packets on their way. */
    private void stepSlowly() {
        view.viewModel().pacingProperty().set(PacingMode.STEP);
        view.viewModel().setAnimationDurations(Duration.ofSeconds(4), SchematicViewModel.LIVE_ANIMATION);
    }

    @Test
    void stepModeAtAcceptWithThreeQueuedClients(FxRobot robot) throws Exception {
        view.viewModel().pacingProperty().set(PacingMode.STEP);
        StepGate gate = new StepGate(PacingMode.STEP, 0);
        int port = run(ServerConfig.defaults().withBacklog(5), gate);
        holdAt(gate, Step.ACCEPT);
        for (int i = 0; i < 3; i++) {
            clients.add(new Socket(InetAddress.getLoopbackAddress(), port));
        }
        await().atMost(WAIT).until(() -> frame().queue().slots().stream().filter(StageFrame.SlotFigure::filled).count() == 3);
        await().atMost(WAIT).until(() -> fx(() -> !view.animating()));
        robot.interact(() -> view.viewModel().select(new FigureRef(FigureRef.Kind.SLOT, 0)));
        shoot(robot, "step-accept-3-queued");
    }

    @Test
    void liveModeWithTwentyEchoingClients(FxRobot robot) throws Exception {
        view.viewModel().pacingProperty().set(PacingMode.LIVE);
        StepGate gate = new StepGate(PacingMode.LIVE, 0);
        int port = run(ServerConfig.defaults().withBacklog(64).withConcurrency(Concurrency.THREAD_PER_CLIENT), gate);
        await().atMost(WAIT).until(() -> frame().queue().open());
        for (int i = 0; i < 20; i++) {
            int n = i;
            echoers.submit(() -> echo(port, n));
        }
        await().atMost(WAIT).until(() -> frame().rows().size() + (frame().group() == null ? 0 : frame().group().count()) >= 20);
        await().atMost(WAIT).until(() -> frame().envelopes().stream().anyMatch(e -> !e.resting() && e.count() > 1));
        shoot(robot, "live-20-clients");
    }

    private Void echo(int port, int n) throws IOException, InterruptedException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] line = ("hello " + n + "\n").getBytes(StandardCharsets.US_ASCII);
            byte[] back = new byte[line.length];
            while (echoing) {
                out.write(line);
                int got = 0;
                while (got < back.length) {
                    int r = in.read(back, got, back.length - got);
                    if (r < 0) {
                        return null;
                    }
                    got += r;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        return null;
    }

    @Test
    void aFullQueueLeavesClientsInSynSent(FxRobot robot) throws Exception {
        stepSlowly();
        StepGate gate = new StepGate(PacingMode.STEP, 0);
        int port = run(ServerConfig.defaults().withBacklog(1), gate);
        holdAt(gate, Step.ACCEPT);
        for (int i = 0; i < 5; i++) {
            SocketChannel c = SocketChannel.open();
            c.configureBlocking(false);
            c.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            waiting.add(c);
        }
        await().atMost(WAIT).until(() -> frame().rows().stream()
                .filter(r -> r.client().line().contains("SYN_SENT")).count() >= 2);
        await().atMost(WAIT).until(() -> frame().envelopes().stream()
                .anyMatch(e -> e.dropped() && !e.resting() && e.launch() < System.nanoTime()));
        shoot(robot, "overflow");
    }

    @Test
    void aClientResetsItsConnection(FxRobot robot) throws Exception {
        stepSlowly();
        StepGate gate = new StepGate(PacingMode.STEP, 0);
        int port = run(ServerConfig.defaults(), gate);
        holdAt(gate, Step.ACCEPT);
        Socket c = new Socket(InetAddress.getLoopbackAddress(), port);
        clients.add(c);
        gate.step();
        holdAt(gate, Step.RECV);
        c.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
        gate.step();
        holdAt(gate, Step.SEND);
        gate.step();
        holdAt(gate, Step.RECV);
        c.getInputStream().read(new byte[6]);
        c.setSoLinger(true, 0);
        c.close(); // SO_LINGER 0: the kernel sends RST instead of FIN
        gate.step(); // recv() fails with ECONNRESET; the server is then held before close()
        await().atMost(WAIT).until(() -> frame().envelopes().stream()
                .anyMatch(e -> e.kind() == PacketKind.RST && !e.resting() && e.launch() < System.nanoTime()));
        shoot(robot, "reset");
    }
}
