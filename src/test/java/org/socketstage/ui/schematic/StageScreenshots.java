package org.socketstage.ui.schematic;

import static org.awaitility.Awaitility.await;
import static org.socketstage.ui.MainWindowProbe.fx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.Step;
import org.socketstage.server.StepGate;
import org.socketstage.session.Session;
import org.socketstage.session.TestSessions;
import org.socketstage.settings.Concurrency;
import org.socketstage.settings.PacingMode;
import org.socketstage.ui.MainViewModel;
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

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<Socket> clients = new ArrayList<>();
    private final List<SocketChannel> waiting = new ArrayList<>();
    private final ExecutorService echoers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "shot-echo-client");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean echoing = true;
    private MainWindowProbe window;

    @Start
    void start(Stage stage) throws IOException {
        window = MainWindowProbe.open(stage, TestSessions.forWindow());
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
        robot.interact(window::close);
    }

    private MainViewModel vm() {
        return window.viewModel();
    }

    private Session session() {
        return vm().session();
    }

    private StageFrame frame() {
        return fx(() -> vm().stage().frame());
    }

    /** The same moment at 1280x800 as the window opens, then at 1920x1080 in presentation. */
    private void shoot(FxRobot robot, String name) throws IOException {
        window.showStageTab();
        window.layout(1280, 800, false);
        WaitForAsyncUtils.waitForFxEvents();
        save(robot, "stage-" + name + "-1280x800");
        window.layout(1920, 1080, true);
        WaitForAsyncUtils.waitForFxEvents();
        save(robot, "stage-" + name + "-1920x1080-presentation");
        window.layout(1280, 800, false);
    }

    private void save(FxRobot robot, String file) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            Path saved = window.snapshot(file);
            System.out.println("StageScreenshots: " + saved);
        });
    }

    private int configure(String backlog, Concurrency concurrency) {
        int port = fx(() -> {
            try {
                return org.socketstage.ui.MainWindowProbe.freePort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        robotless(() -> {
            vm().settings().portProperty().set(Integer.toString(port));
            vm().settings().backlogProperty().set(backlog);
            vm().settings().concurrencyProperty().set(concurrency);
        });
        return port;
    }

    private static void robotless(Runnable onFx) {
        fx(() -> {
            onFx.run();
            return null;
        });
    }

    private void holdAt(Step stage) {
        StepGate gate = session().gate();
        await().atMost(WAIT).until(() -> {
            var held = gate.held();
            if (!held.isEmpty() && held.get(0).stage() == stage) {
                return true;
            }
            gate.step();
            return false;
        });
    }

    /** Step mode, each call's animation drawn out so that both pictures catch the packets on their way. */
    private void stepSlowly() {
        robotless(() -> vm().stage().setAnimationDurations(Duration.ofSeconds(6), SchematicViewModel.LIVE_ANIMATION));
        session().chooseMode(PacingMode.STEP);
    }

    @Test
    void stepModeAtAcceptWithThreeQueuedClients(FxRobot robot) throws Exception {
        int port = configure("5", Concurrency.ITERATIVE);
        session().chooseMode(PacingMode.STEP);
        session().start();
        holdAt(Step.ACCEPT);
        for (int i = 0; i < 3; i++) {
            clients.add(new Socket(InetAddress.getLoopbackAddress(), port));
        }
        await().atMost(WAIT).until(() -> frame().queue().slots().stream().filter(StageFrame.SlotFigure::filled).count() == 3);
        await().atMost(WAIT).until(() -> fx(() -> !window.stageView().animating()));
        robotless(() -> vm().stage().select(new FigureRef(FigureRef.Kind.SLOT, 0)));
        shoot(robot, "step-accept-3-queued");
    }

    @Test
    void liveModeWithTwentyEchoingClients(FxRobot robot) throws Exception {
        int port = configure("64", Concurrency.THREAD_PER_CLIENT);
        session().chooseMode(PacingMode.LIVE);
        session().start();
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
        int port = configure("1", Concurrency.ITERATIVE);
        stepSlowly();
        session().start();
        holdAt(Step.ACCEPT);
        for (int i = 0; i < 5; i++) {
            SocketChannel c = SocketChannel.open();
            c.configureBlocking(false);
            c.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            waiting.add(c);
        }
        // the clients left out may be drawn one by one or share the group row: the queue's note counts them all
        await().atMost(WAIT).until(() -> frame().queue().note().contains("SYN_SENT"));
        await().atMost(WAIT).until(() -> frame().envelopes().stream()
                .anyMatch(e -> e.dropped() && !e.resting() && e.launch() < System.nanoTime()));
        shoot(robot, "overflow");
    }

    @Test
    void aClientResetsItsConnection(FxRobot robot) throws Exception {
        int port = configure("5", Concurrency.ITERATIVE);
        stepSlowly();
        session().start();
        holdAt(Step.ACCEPT);
        Socket c = new Socket(InetAddress.getLoopbackAddress(), port);
        clients.add(c);
        session().gate().step();
        holdAt(Step.RECV);
        c.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
        session().gate().step();
        holdAt(Step.SEND);
        session().gate().step();
        holdAt(Step.RECV);
        c.getInputStream().read(new byte[6]);
        c.setSoLinger(true, 0);
        c.close(); // SO_LINGER 0: the kernel sends RST instead of FIN
        session().gate().step(); // recv() fails with ECONNRESET; the server is then held before close()
        await().atMost(WAIT).until(() -> frame().envelopes().stream()
                .anyMatch(e -> e.kind() == PacketKind.RST && !e.resting() && e.launch() < System.nanoTime()));
        shoot(robot, "reset");
    }
}
