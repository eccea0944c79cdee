package org.socketstage.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpState;

/**
 * The window's kernel view reads /proc only now and then (each read walks the kernel's whole table), so what
 * changes must be shown through nudges: a nudge is read within a moment, and a burst of nudges still ends with
 * a read that sees the burst's last change. Real sockets on loopback; the regular look is set far away (30 s)
 * so only a nudge can explain a new snapshot.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LinuxKernelViewTest {

    private static final Duration FAR = Duration.ofSeconds(30);
    /** Far below FAR: the nudged reads come within a moment; a loaded machine gets a generous share of it. */
    private static final Duration SOON = Duration.ofSeconds(5);

    private final List<KernelSnapshot> seen = new CopyOnWriteArrayList<>();

    private long established(int port) {
        KernelSnapshot last = seen.isEmpty() ? null : seen.get(seen.size() - 1);
        return last == null ? -1 : last.rowsIn(TcpState.ESTABLISHED).stream().filter(r -> r.localPort() == port).count();
    }

    /** What a test does with a view started (regular look far away) on a fresh listener of loopback. */
    private interface Watched {
        void run(LinuxKernelView view, int port) throws Exception;
    }

    /** Starts a view on a fresh listener, waits for its first picture (no connection yet), runs the test, stops it. */
    private void watch(Watched test) throws Exception {
        assumeThat(Files.isReadable(Path.of("/proc/net/tcp"))).as("needs Linux /proc/net/tcp").isTrue();
        LinuxKernelView view = new LinuxKernelView(FAR);
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            view.start(port, 8, seen::add);
            await().atMost(SOON).until(() -> established(port) == 0);
            test.run(view, port);
        } finally {
            view.stop();
        }
    }

    @Test
    void aNudgeShowsANewConnectionLongBeforeTheRegularLook() throws Exception {
        watch((view, port) -> {
            try (Socket a = new Socket(InetAddress.getLoopbackAddress(), port)) {
                view.nudge();
                await().atMost(SOON).until(() -> established(port) == 1);
                // a burst: the second nudge comes inside the gap between nudged reads and must not be lost
                try (Socket b = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    view.nudge();
                    try (Socket c = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        view.nudge();
                        await().atMost(SOON).until(() -> established(port) == 3);
                        assertThat(seen.get(seen.size() - 1).acceptQueue()).hasValue(3);
                    }
                }
            }
        });
    }

    @Test
    void withoutNudgesNothingIsReadBeforeTheRegularLook() throws Exception {
        watch((view, port) -> {
            int before = seen.size();
            try (Socket a = new Socket(InetAddress.getLoopbackAddress(), port)) {
                // the change is real (a nudge shows it at once), but nobody said so: the view keeps its picture
                await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                        .until(() -> seen.size() == before);
                view.nudge();
                await().atMost(SOON).until(() -> established(port) == 1);
            }
        });
    }
}
