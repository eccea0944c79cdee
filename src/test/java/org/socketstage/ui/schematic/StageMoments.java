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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.socketstage.event.Step;
import org.socketstage.server.StepGate;
import org.socketstage.session.Session;
import org.socketstage.settings.Concurrency;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.ui.MainWindowProbe;

/**
 * The stage's teaching moments, made for real on loopback: a session's server held at accept() with clients in
 * its queue, twenty clients echoing in live mode, a full queue dropping SYNs, a client resetting its connection.
 * Works on any stage view fed by the session (the window's or one on its own); closing it closes the clients.
 */
final class StageMoments implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final Session session;
    private final SchematicView view;
    private final List<Socket> clients = new ArrayList<>();
    private final List<SocketChannel> waiting = new ArrayList<>();
    private final ExecutorService echoers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "moment-echo-client");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean echoing = true;

    StageMoments(Session session, SchematicView view) {
        this.session = session;
        this.view = view;
    }

    StageFrame frame() {
        return fx(() -> view.viewModel().frame());
    }

    boolean animating() {
        return fx(view::animating);
    }

    List<Socket> clients() {
        return clients;
    }

    /** Starts the server on a port the kernel picks, in run or live mode; returns the port once it listens. */
    int start(ServerConfig config, PacingMode mode) {
        session.configure(config.withPort(freePort()));
        session.chooseMode(mode);
        session.start();
        await().atMost(WAIT).until(() -> frame().queue().open() && session.serverPort() > 0);
        return session.serverPort();
    }

    /** A real port number for the pictures (0 would show "port 0" on the lane: the kernel picks one at bind). */
    private static int freePort() {
        try {
            return MainWindowProbe.freePort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Steps the held calls until the one held next is of this stage. */
    void holdAt(Step stage) {
        StepGate gate = session.gate();
        await().atMost(WAIT).until(() -> {
            var held = gate.held();
            if (!held.isEmpty() && held.get(0).stage() == stage) {
                return true;
            }
            gate.step();
            return false;
        });
    }

    /** Each call's animation drawn out, so a picture taken a moment later still catches its packets flying. */
    void slowAnimations() {
        fx(() -> {
            view.viewModel().setAnimationDurations(Duration.ofSeconds(6), SchematicViewModel.LIVE_ANIMATION);
            return null;
        });
    }

    /** Step mode, the server held before accept() with {@code queued} connections waiting in its queue. */
    int atAcceptWithQueued(int queued) throws IOException {
        int port = startHeldAtAccept(ServerConfig.defaults().withBacklog(5));
        for (int i = 0; i < queued; i++) {
            clients.add(new Socket(InetAddress.getLoopbackAddress(), port));
        }
        await().atMost(WAIT).until(() -> frame().queue().slots().stream()
                .filter(StageFrame.SlotFigure::filled).count() == queued);
        await().atMost(WAIT).until(() -> !animating());
        return port;
    }

    private int startHeldAtAccept(ServerConfig config) {
        session.configure(config.withPort(freePort()).withConcurrency(Concurrency.ITERATIVE));
        session.chooseMode(PacingMode.STEP);
        session.start();
        holdAt(Step.ACCEPT);
        return session.serverPort();
    }

    /** Live mode, a thread per client, {@code count} clients each echoing a line every 100 ms; all drawn. */
    int liveWithEchoingClients(int count) {
        int port = start(ServerConfig.defaults().withBacklog(64).withConcurrency(Concurrency.THREAD_PER_CLIENT),
                PacingMode.LIVE);
        for (int i = 0; i < count; i++) {
            int n = i;
            echoers.submit(() -> echo(port, n));
        }
        await().atMost(WAIT).until(() -> drawnClients(frame()) >= count);
        return port;
    }

    static int drawnClients(StageFrame f) {
        return f.rows().size() + (f.group() == null ? 0 : f.group().count());
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

    /**
     * Backlog 1, the server held before accept(), {@code count} clients connecting: two fit in the queue, the
     * kernel drops the others' SYNs and they wait in SYN_SENT. Returns once a dropped SYN is on its way.
     */
    void overflow(int count) throws IOException {
        slowAnimations();
        int port = startHeldAtAccept(ServerConfig.defaults().withBacklog(1));
        for (int i = 0; i < count; i++) {
            SocketChannel c = SocketChannel.open();
            c.configureBlocking(false);
            c.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            waiting.add(c);
        }
        // the clients left out may be drawn one by one or share the group row: the queue's note counts them all
        await().atMost(WAIT).until(() -> frame().queue().note().contains("SYN_SENT"));
        await().atMost(WAIT).until(() -> frame().envelopes().stream()
                .anyMatch(e -> e.dropped() && !e.resting() && e.launch() < System.nanoTime()));
    }

    /** One client echoed once, then closes with SO_LINGER 0: the kernel sends RST and recv() fails. */
    void reset() throws IOException {
        slowAnimations();
        int port = startHeldAtAccept(ServerConfig.defaults());
        Socket c = new Socket(InetAddress.getLoopbackAddress(), port);
        clients.add(c);
        session.gate().step();
        holdAt(Step.RECV);
        c.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
        session.gate().step();
        holdAt(Step.SEND);
        session.gate().step();
        holdAt(Step.RECV);
        c.getInputStream().read(new byte[6]);
        c.setSoLinger(true, 0);
        c.close(); // SO_LINGER 0: the kernel sends RST instead of FIN
        session.gate().step(); // recv() fails with ECONNRESET; the server is then held before close()
        await().atMost(WAIT).until(() -> frame().envelopes().stream()
                .anyMatch(e -> e.kind() == PacketKind.RST && !e.resting() && e.launch() < System.nanoTime()));
    }

    @Override
    public void close() throws IOException {
        echoing = false;
        echoers.shutdownNow();
        for (Socket c : clients) {
            c.close();
        }
        for (SocketChannel c : waiting) {
            c.close();
        }
    }
}
