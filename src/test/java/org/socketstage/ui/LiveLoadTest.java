package org.socketstage.ui;

import org.socketstage.ui.text.UiText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socketstage.ui.MainWindowTest.fx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.settings.Concurrency;
import org.socketstage.event.EventBus;
import org.socketstage.socket.SocketBackend;
import org.socketstage.ui.sockets.ServedTotals;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Fifty clients echoing in live mode: every echo arrives and the view keeps count of all of it. */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class LiveLoadTest {

    private static final int CLIENTS = 50;
    private static final int ROUNDS = 20;
    private static final byte[] LINE = "hello\n".getBytes(StandardCharsets.US_ASCII);

    private MainWindow window;
    private int port;
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(CLIENTS, r -> {
        Thread t = new Thread(r, "test-echo-client");
        t.setDaemon(true);
        return t;
    });

    @Start
    void start(Stage stage) throws IOException {
        AppPrefs prefs = AppPrefs.open();
        prefs.clear();
        port = MainWindowTest.freePort();
        MainViewModel vm = new MainViewModel(org.socketstage.session.TestSessions.forWindow(), UiText.load());
        window = MainWindow.open(stage, vm, prefs);
        vm.settings().portProperty().set(Integer.toString(port));
        vm.settings().backlogProperty().set("64");
        vm.settings().concurrencyProperty().set(Concurrency.THREAD_PER_CLIENT);
    }

    @AfterEach
    void close(FxRobot robot) throws InterruptedException {
        clientThreads.shutdownNow();
        clientThreads.awaitTermination(5, TimeUnit.SECONDS);
        robot.interact(window::close);
    }

    /** Every client holds its connection open after its first echo until the test has looked at the pane. */
    private final java.util.concurrent.CountDownLatch allConnected = new java.util.concurrent.CountDownLatch(CLIENTS);
    private final java.util.concurrent.CountDownLatch looked = new java.util.concurrent.CountDownLatch(1);

    private void echo() throws IOException, InterruptedException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] back = new byte[LINE.length];
            for (int i = 0; i < ROUNDS; i++) {
                if (i == 1) {
                    allConnected.countDown();
                    looked.await(30, TimeUnit.SECONDS);
                }
                out.write(LINE);
                int got = 0;
                while (got < back.length) {
                    int n = in.read(back, got, back.length - got);
                    if (n < 0) {
                        throw new IOException("server closed early");
                    }
                    got += n;
                }
            }
        }
    }

    @Test
    void fiftyEchoingClientsNeverFreezeTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#live-button");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> window.viewModel().sockets().listenerProperty()
                .get().state()).contains("LISTEN"));
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            done.add(clientThreads.submit(() -> {
                echo();
                return null;
            }));
        }
        // fifty open connections: the sockets pane draws the first 24 and counts the others under them
        assertThat(allConnected.await(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> robot.lookup("#connections .conn-card")
                .queryAll().size()) == org.socketstage.ui.sockets.SocketsViewModel.MAX_DRAWN);
        String more = "+" + (CLIENTS - org.socketstage.ui.sockets.SocketsViewModel.MAX_DRAWN) + " more connections";
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> robot.lookup("#more-connections")
                .queryLabeled().getText()).startsWith(more));
        assertThat(fx(() -> robot.lookup("#more-connections").queryLabeled().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#connections .conn-card").queryAll().size()))
                .isEqualTo(org.socketstage.ui.sockets.SocketsViewModel.MAX_DRAWN);
        looked.countDown();
        // no timing is asserted here: LiveLoadBenchmark measures how long the FX thread takes to answer
        await().atMost(Duration.ofSeconds(90)).until(() -> done.stream().allMatch(Future::isDone));
        for (Future<?> f : done) {
            f.get(); // every client got every echo back
        }
        long expectedBytes = (long) CLIENTS * ROUNDS * LINE.length;
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> window.viewModel().sockets().totalsProperty()
                .get().bytesOut()) == expectedBytes);
        assertThat(fx(() -> window.viewModel().sockets().totalsProperty().get()))
                .isEqualTo(new ServedTotals(CLIENTS, expectedBytes, expectedBytes));
        assertThat(fx(() -> window.viewModel().lane().roundsProperty().get())).isEqualTo(CLIENTS);
        assertThat(fx(() -> window.viewModel().feed().history().droppedCount() + window.viewModel().feed().sizeProperty().get()))
                .isGreaterThan(CLIENTS * ROUNDS * 4L);
        robot.interact(() -> PaneSnapshots.save(window.stage().getScene(), "12-fifty-clients"));
    }
}
