package org.socketstage.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.event.EventBus;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.server.KernelView;
import org.socketstage.settings.PacingMode;
import org.socketstage.socket.NativeSocketApi;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionCloseTest {

    /**
     * A kernel view that fails when told to stop, as a step of closing might, but only as the session's watch
     * of the port after the server stopped (started with backlog 0): the server's own view works.
     */
    private static final class FailingAfterStopView implements KernelView {
        static final AtomicInteger AFTER_STOP_WATCHES = new AtomicInteger();
        private boolean afterStop;

        @Override
        public void start(int port, int backlog, Consumer<KernelSnapshot> onChange) {
            afterStop = backlog == 0;
            if (afterStop) {
                AFTER_STOP_WATCHES.incrementAndGet();
            }
        }

        @Override
        public void stop() {
            if (afterStop) {
                throw new IllegalStateException("this view fails when stopped");
            }
        }
    }

    @Test
    void aCloseThatFailedPartWayStillCountsAsEndedSoASecondCloseDoesNotWait() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort(); // a free port, named: the watch after a stop needs to know which
        }
        Session session = new Session(new SessionSetup(new EventBus(), new NativeSocketApi(),
                FailingAfterStopView::new, TestSessions.anyPort().withPort(port), PacingMode.LIVE, 0));
        session.startServer();
        await().atMost(Duration.ofSeconds(30)).until(() -> session.serverPort() > 0);
        session.stopServer();
        // after a stop the session watches the port's last sockets; closing stops that watch, which fails here
        await().atMost(Duration.ofSeconds(30)).until(() -> FailingAfterStopView.AFTER_STOP_WATCHES.get() > 0);
        assertThat(catchThrowable(session::close)).hasMessage("this view fails when stopped");

        // the failed close is over all the same, so a second close (a signal racing the window) has nothing to
        // wait for: before, it waited its ten seconds for an end that never came
        assertThat(session.awaitClosed(Duration.ZERO)).as("ended after the failed close").isTrue();
        session.close();
    }
}
