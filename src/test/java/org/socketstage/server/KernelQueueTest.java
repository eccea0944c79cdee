package org.socketstage.server;

import org.socketstage.settings.Concurrency;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpState;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What the kernel itself shows while the server runs: the accept queue and TIME_WAIT. Linux only. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KernelQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @BeforeAll
    static void needsProc() {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "kernel view needs Linux /proc/net/tcp");
    }

    @Test
    void afterListenAndBeforeAcceptThreeClientsConnectAndWaitInTheKernelsQueue() throws Exception {
        try (ServerFixture f = ServerFixture.withKernel(ServerFixture.loopbackAnyPort(), PacingMode.LIVE)) {
            f.gate.setBreakpoint(Step.ACCEPT, true);
            f.start();
            await().atMost(WAIT).until(() -> f.recorder.held(Step.ACCEPT));
            List<Socket> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    clients.add(new Socket(InetAddress.getLoopbackAddress(), f.port()));
                }
                await().atMost(WAIT).until(() -> latestKernel(f).flatMap(k -> k.acceptQueue().isPresent()
                        ? Optional.of(k.acceptQueue().getAsInt()) : Optional.empty()).orElse(-1) == 3);
                KernelSnapshot k = latestKernel(f).orElseThrow();
                assertThat(k.listenRow()).isPresent();
                assertThat(k.effectiveLimit()).hasValue(5);
                assertThat(f.recorder.returned(Step.ACCEPT)).as("accept() was never called").isEmpty();
                for (Socket c : clients) {
                    assertThat(k.rows()).anyMatch(r -> r.state() == TcpState.ESTABLISHED && r.localPort() == c.getLocalPort());
                }
            } finally {
                for (Socket c : clients) {
                    c.close();
                }
            }
        }
    }

    @Test
    void anIterativeServerLeavesTheSecondClientInTheQueueWhileServingTheFirst() throws Exception {
        try (ServerFixture f = ServerFixture.withKernel(ServerFixture.loopbackAnyPort(), PacingMode.LIVE).startAndAwaitAccept();
                Socket first = new Socket(InetAddress.getLoopbackAddress(), f.port())) {
            await().atMost(WAIT).until(() -> f.recorder.returned(Step.ACCEPT).size() == 1);
            try (Socket second = new Socket(InetAddress.getLoopbackAddress(), f.port())) {
                await().atMost(WAIT).until(() -> latestKernel(f).map(k -> k.acceptQueue().orElse(-1)).orElse(-1) == 1);
                assertThat(f.recorder.returned(Step.ACCEPT)).hasSize(1);

                first.getOutputStream().write("exit\n".getBytes(StandardCharsets.US_ASCII));
                await().atMost(WAIT).until(() -> f.recorder.returned(Step.ACCEPT).size() == 2);
                assertThat(f.recorder.returned(Step.ACCEPT).get(1).address().port()).isEqualTo(second.getLocalPort());
                await().atMost(WAIT).until(() -> latestKernel(f).map(k -> k.acceptQueue().orElse(-1)).orElse(-1) == 0);
            }
        }
    }

    @Test
    void afterTheServerClosesFirstTimeWaitRemainsAndBlocksABindWithoutReuseaddr() throws Exception {
        int port;
        try (ServerFixture f = ServerFixture.withKernel(ServerFixture.loopbackAnyPort(), PacingMode.LIVE).startAndAwaitAccept();
                Socket client = new Socket(InetAddress.getLoopbackAddress(), f.port())) {
            port = f.port();
            client.getOutputStream().write("exit\n".getBytes(StandardCharsets.US_ASCII));
            client.setSoTimeout(5000);
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            client.close();
            await().atMost(WAIT).until(() -> latestKernel(f).map(k -> !k.rowsIn(TcpState.TIME_WAIT).isEmpty()).orElse(false));
            assertThat(latestKernel(f).orElseThrow().rowsIn(TcpState.TIME_WAIT))
                    .anyMatch(r -> r.localPort() == f.port());
        }
        try (ServerFixture noReuse = new ServerFixture(ServerConfig.defaults().withPort(port).withReuseAddr(false), PacingMode.LIVE).start()) {
            await().atMost(WAIT).until(() -> noReuse.recorder.reachedState(ServerState.FAILED));
            assertThat(noReuse.recorder.returned(Step.BIND).get(0).errno().name()).isEqualTo("EADDRINUSE");
        }
        try (ServerFixture reuse = new ServerFixture(ServerConfig.defaults().withPort(port), PacingMode.LIVE).startAndAwaitAccept()) {
            assertThat(reuse.recorder.returned(Step.BIND).get(0).failed()).as("both sockets set SO_REUSEADDR").isFalse();
        }
    }

    @Test
    void atTheConnectionLimitTheServerStopsAcceptingAndNewClientsWaitInTheQueue() throws Exception {
        ServerConfig limited = ServerFixture.loopbackAnyPort().withConcurrency(Concurrency.THREAD_PER_CLIENT).withMaxConnections(2);
        try (ServerFixture f = ServerFixture.withKernel(limited, PacingMode.LIVE).startAndAwaitAccept();
                Socket a = new Socket(InetAddress.getLoopbackAddress(), f.port());
                Socket b = new Socket(InetAddress.getLoopbackAddress(), f.port())) {
            await().atMost(WAIT).until(() -> f.recorder.returned(Step.ACCEPT).size() == 2);
            try (Socket c = new Socket(InetAddress.getLoopbackAddress(), f.port())) {
                await().atMost(WAIT).until(() -> f.recorder.events().stream()
                        .anyMatch(e -> e instanceof ServerEvent.Notice n && n.text().contains("(the limit)")));
                await().atMost(WAIT).until(() -> latestKernel(f).map(k -> k.acceptQueue().orElse(-1)).orElse(-1) == 1);
                assertThat(f.recorder.returned(Step.ACCEPT)).hasSize(2);
                a.close();
                await().atMost(WAIT).until(() -> f.recorder.returned(Step.ACCEPT).size() == 3);
                assertThat(f.recorder.returned(Step.ACCEPT).get(2).address().port()).isEqualTo(c.getLocalPort());
            }
        }
    }

    private static Optional<KernelSnapshot> latestKernel(ServerFixture f) {
        KernelSnapshot last = null;
        for (ServerEvent e : f.recorder.events()) {
            if (e instanceof ServerEvent.KernelChanged k) {
                last = k.snapshot();
            }
        }
        return Optional.ofNullable(last);
    }
}
