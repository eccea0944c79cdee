package org.socketstage.server;

import org.socketstage.settings.Concurrency;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.socket.Errno;
import org.socketstage.socket.NativeSocketApi;
import org.socketstage.socket.Platform;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SyscallException;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LifecycleServerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void runsTheCallsInTheLessonsOrderAndReportsRealResults() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.loopbackAnyPort(), PacingMode.LIVE).startAndAwaitAccept()) {
            assertThat(f.recorder.returned()).extracting(ServerEvent.CallReturned::stage)
                    .containsSubsequence(Step.SOCKET, Step.SETSOCKOPT, Step.SOCKADDR, Step.BIND, Step.LISTEN);
            ServerEvent.CallReturned socket = f.recorder.returned(Step.SOCKET).get(0);
            assertThat(socket.result()).isGreaterThanOrEqualTo(3);
            assertThat(socket.straceText()).isEqualTo("socket(AF_INET, SOCK_STREAM, 0) = " + socket.result());
            ServerEvent.CallReturned bind = f.recorder.returned(Step.BIND).get(0);
            assertThat(bind.straceText()).startsWith("bind(" + socket.result()
                    + ", {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0");
            assertThat(bind.sockaddrBytes()).hasSize(16);
            assertThat(f.port()).isPositive();
            assertThat(f.server.listeningFd()).hasValue((int) socket.result());
        }
    }

    @Test
    void echoesWhatArrivesAndClosesTheClientOnExit() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.loopbackAnyPort(), PacingMode.LIVE).startAndAwaitAccept();
                Socket client = new Socket(InetAddress.getLoopbackAddress(), f.port())) {
            client.setSoTimeout(5000);
            OutputStream out = client.getOutputStream();
            InputStream in = client.getInputStream();
            out.write("hello\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(in.readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("hello\n");

            out.write("exit\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.read()).as("server closed the connection").isEqualTo(-1);

            await().atMost(WAIT).until(() -> !f.recorder.returned(Step.CLOSE_CLIENT).isEmpty());
            ServerEvent.CallReturned recv = f.recorder.returned(Step.RECV).get(0);
            assertThat(recv.straceText()).matches("recv\\(\\d+, \"hello\\\\n\", 4096, 0\\) = 6");
            assertThat(recv.actor().kind()).isEqualTo(Actor.Kind.CONNECTION);
            assertThat(recv.actor().peer().port()).isEqualTo(client.getLocalPort());
            // the server goes back to accept() for the next client
            await().atMost(WAIT).until(() -> f.recorder.events().stream()
                    .filter(e -> e instanceof ServerEvent.CallStarted s && s.stage() == Step.ACCEPT).count() == 2);
        }
    }

    @Test
    void recvReturningZeroMeansThePeerClosed() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.loopbackAnyPort(), PacingMode.LIVE).startAndAwaitAccept()) {
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), f.port())) {
                client.getOutputStream().write('x');
                await().atMost(WAIT).until(() -> !f.recorder.returned(Step.SEND).isEmpty());
            }
            await().atMost(WAIT).until(() -> f.recorder.firstReturned(r -> r.stage() == Step.RECV && r.result() == 0).isPresent());
            await().atMost(WAIT).until(() -> !f.recorder.returned(Step.CLOSE_CLIENT).isEmpty());
        }
    }

    @Test
    void connectBetweenBindAndListenIsRefused() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.loopbackAnyPort(), PacingMode.STEP).start()) {
            f.stepUntilHeld(Step.LISTEN);
            assertThat(f.port()).isPositive();
            NativeSocketApi api = new NativeSocketApi();
            int fd = api.socketTcp();
            try {
                assertThatThrownBy(() -> api.connect(fd, SockAddrIn.loopback(f.port())))
                        .isInstanceOfSatisfying(SyscallException.class,
                                e -> assertThat(e.errno().name()).isEqualTo("ECONNREFUSED"));
            } finally {
                api.close(fd);
            }
            f.gate.step();
            await().atMost(WAIT).until(() -> !f.recorder.returned(Step.LISTEN).isEmpty());
            try (Socket ok = new Socket()) {
                ok.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), f.port()), 2000);
                assertThat(ok.isConnected()).isTrue();
            }
        }
    }

    @Test
    void bindFailsWithEaddrinuseWhileAnotherSocketHoldsThePortAndARetryWorksOnceFreed() throws Exception {
        int port;
        try (ServerSocket holder = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            port = holder.getLocalPort();
            try (ServerFixture f = new ServerFixture(ServerConfig.defaults().withPort(port), PacingMode.LIVE).start()) {
                await().atMost(WAIT).until(() -> f.recorder.reachedState(ServerState.FAILED));
                ServerEvent.CallReturned bind = f.recorder.returned(Step.BIND).get(0);
                assertThat(bind.errno().name()).isEqualTo("EADDRINUSE");
                if (Platform.current() == Platform.LINUX) {
                    assertThat(bind.errno().number()).isEqualTo(98);
                }
                assertThat(bind.straceText()).endsWith("= -1 EADDRINUSE (Address already in use)");
                assertThat(f.recorder.returned(Step.CLOSE_LISTENER)).hasSize(1);
                assertThat(f.server.state()).isEqualTo(ServerState.FAILED);
            }
        }
        try (ServerFixture retry = new ServerFixture(ServerConfig.defaults().withPort(port), PacingMode.LIVE).startAndAwaitAccept()) {
            assertThat(retry.recorder.returned(Step.BIND).get(0).failed()).isFalse();
        }
    }

    @Test
    void stopWakesABlockedAcceptAndFreesThePort() throws Exception {
        ServerFixture f = new ServerFixture(ServerFixture.loopbackAnyPort(), PacingMode.LIVE).startAndAwaitAccept();
        int port = f.port();
        // accept() blocks without a timeout: the thread ends only because stop() wakes it
        assertThat(f.server.stop(Duration.ofSeconds(5))).as("the server thread ended").isTrue();
        f.close();
        assertPortFree(port);
        assertThat(f.recorder.returned(Step.CLOSE_LISTENER)).hasSize(1);
    }

    @Test
    void stopWakesABlockedRecvAndClosesTheConnection() throws Exception {
        ServerFixture f = new ServerFixture(ServerFixture.loopbackAnyPort(), PacingMode.LIVE).startAndAwaitAccept();
        int port = f.port();
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            await().atMost(WAIT).until(() -> f.recorder.events().stream()
                    .anyMatch(e -> e instanceof ServerEvent.CallStarted s && s.stage() == Step.RECV));
            // recv() blocks without a timeout (the idle timeout is minutes): only stop()'s wake-up ends it
            assertThat(f.server.stop(Duration.ofSeconds(5))).as("the server thread ended").isTrue();
            client.setSoTimeout(5000);
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        } finally {
            f.close();
        }
        assertThat(f.recorder.returned(Step.CLOSE_CLIENT)).hasSize(1);
        assertThat(f.server.state()).isEqualTo(ServerState.STOPPED);
        assertPortFree(port);
    }

    @Test
    void stopWhileHeldAtTheStepGateWorksToo() throws Exception {
        ServerFixture f = new ServerFixture(ServerFixture.loopbackAnyPort(), PacingMode.STEP).start();
        await().atMost(WAIT).until(() -> f.recorder.held(Step.SOCKET));
        assertThat(f.server.stop(Duration.ofMillis(250))).isTrue();
        f.close();
        assertThat(f.recorder.returned()).isEmpty();
    }

    @Test
    void aResettingClientGivesEconnresetAndTheServerKeepsServingOthers() throws Exception {
        ServerConfig threaded = ServerFixture.loopbackAnyPort().withConcurrency(Concurrency.THREAD_PER_CLIENT);
        try (ServerFixture f = new ServerFixture(threaded, PacingMode.LIVE).startAndAwaitAccept();
                Socket other = new Socket(InetAddress.getLoopbackAddress(), f.port())) {
            Socket resetter = new Socket(InetAddress.getLoopbackAddress(), f.port());
            await().atMost(WAIT).until(() -> f.recorder.returned(Step.ACCEPT).size() == 2);
            resetter.setSoLinger(true, 0);
            resetter.close();
            await().atMost(WAIT).until(() -> f.recorder.firstReturned(
                    r -> r.stage() == Step.RECV && r.failed() && r.errno().name().equals("ECONNRESET")).isPresent());

            other.setSoTimeout(5000);
            other.getOutputStream().write("still here\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(other.getInputStream().readNBytes(11), StandardCharsets.US_ASCII)).isEqualTo("still here\n");
        }
    }

    @Test
    void stepModeHoldsEveryCallUntilStep() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.loopbackAnyPort(), PacingMode.STEP).start()) {
            await().atMost(WAIT).until(() -> f.recorder.held(Step.SOCKET));
            assertThat(f.recorder.returned()).isEmpty();
            assertThat(f.gate.step()).isTrue();
            await().atMost(WAIT).until(() -> f.recorder.held(Step.SETSOCKOPT));
            assertThat(f.recorder.returned()).extracting(ServerEvent.CallReturned::stage).containsExactly(Step.SOCKET);
        }
    }

    @Test
    void aBreakpointHoldsOnlyItsStageInLiveMode() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.loopbackAnyPort(), PacingMode.LIVE)) {
            f.gate.setBreakpoint(Step.LISTEN, true);
            f.start();
            await().atMost(WAIT).until(() -> f.recorder.held(Step.LISTEN));
            assertThat(f.recorder.returned(Step.LISTEN)).isEmpty();
            f.gate.resume();
            await().atMost(WAIT).until(() -> !f.recorder.returned(Step.LISTEN).isEmpty());
        }
    }

    @Test
    void withoutSoReuseaddrTheSetsockoptStageIsSkipped() throws Exception {
        try (ServerFixture f = new ServerFixture(ServerFixture.loopbackAnyPort().withReuseAddr(false), PacingMode.LIVE)
                .startAndAwaitAccept()) {
            assertThat(f.recorder.returned(Step.SETSOCKOPT)).isEmpty();
        }
    }

    @Test
    void aSimulatedFaultIsLabelledAndNeverReachesTheKernel() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.failNext(Step.LISTEN, Errno.byName("EMFILE").orElseThrow());
        try (ServerFixture f = new ServerFixture(ServerFixture.loopbackAnyPort(), PacingMode.LIVE, new NativeSocketApi(),
                faults, KernelView.NONE).start()) {
            await().atMost(WAIT).until(() -> f.recorder.reachedState(ServerState.FAILED));
            ServerEvent.CallReturned listen = f.recorder.returned(Step.LISTEN).get(0);
            assertThat(listen.simulated()).isTrue();
            assertThat(listen.straceText()).endsWith("[simulated]");
            assertThat(listen.errno().name()).isEqualTo("EMFILE");
        }
    }

    @Test
    void aFailedAcceptIsReportedAndTheLoopGoesOnWithTheSameClient() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.failNext(Step.ACCEPT, Errno.byName("EMFILE").orElseThrow());
        try (ServerFixture f = new ServerFixture(ServerFixture.loopbackAnyPort(), PacingMode.LIVE, new NativeSocketApi(),
                faults, KernelView.NONE).startAndAwaitAccept();
                Socket client = new Socket(InetAddress.getLoopbackAddress(), f.port())) {
            await().atMost(WAIT).until(() -> f.recorder.returned(Step.ACCEPT).size() == 2);
            assertThat(f.recorder.returned(Step.ACCEPT).get(0).errno().name()).isEqualTo("EMFILE");
            assertThat(f.recorder.returned(Step.ACCEPT).get(0).simulated()).isTrue();
            assertThat(f.recorder.returned(Step.ACCEPT).get(1).address().port()).isEqualTo(client.getLocalPort());
            assertThat(f.server.state()).isEqualTo(ServerState.RUNNING);
            client.setSoTimeout(5000);
            client.getOutputStream().write('k');
            assertThat(client.getInputStream().read()).isEqualTo('k');
        }
    }

    @Test
    void anUncheckedSocketResultLeadsToARealEbadfAtBind() throws Exception {
        FaultPlan faults = new FaultPlan();
        faults.failNext(Step.SOCKET, Errno.byName("EMFILE").orElseThrow());
        faults.setUncheckedSocket(true);
        try (ServerFixture f = new ServerFixture(ServerFixture.loopbackAnyPort().withReuseAddr(false), PacingMode.LIVE,
                new NativeSocketApi(), faults, KernelView.NONE).start()) {
            await().atMost(WAIT).until(() -> f.recorder.reachedState(ServerState.FAILED));
            ServerEvent.CallReturned bind = f.recorder.returned(Step.BIND).get(0);
            assertThat(bind.straceText()).startsWith("bind(-1, ");
            assertThat(bind.errno().name()).isEqualTo("EBADF");
            assertThat(bind.simulated()).isFalse();
        }
    }

    /**
     * Nothing listens any more and a new server can bind. SO_REUSEADDR on, as in our server: where the
     * server closed a connection first, the kernel keeps a TIME_WAIT row that blocks a bind without it.
     */
    private static void assertPortFree(int port) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        try (Socket s = new Socket()) {
            assertThatThrownBy(() -> s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000))
                    .isInstanceOf(ConnectException.class);
        }
    }
}
