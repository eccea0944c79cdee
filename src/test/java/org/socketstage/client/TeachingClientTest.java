package org.socketstage.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.client.Segment.Kind;
import org.socketstage.client.Segment.Note;
import org.socketstage.kernel.TcpState;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.server.LifecycleServer;
import org.socketstage.settings.PacingMode;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;

/** The client engine against real sockets on 127.0.0.1: the app's own server, or raw sockets. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TeachingClientTest {

    private static TeachingClient one(ClientBench bench, int port, boolean connect) {
        return bench.fleet.add(SockAddrIn.loopback(port), 1, connect).clients().get(0);
    }

    private static boolean clientConnect(ServerEvent e) {
        return e.actor().kind() == Actor.Kind.CLIENT
                && (e instanceof ServerEvent.CallStarted s && s.call().equals("connect")
                || e instanceof ServerEvent.CallReturned r && r.call().equals("connect"));
    }

    @Test
    void aReaderOfTheFailedConnectAlreadyFindsTheErrnoAndTheFailedState() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            int port = bench.portOf(bench.rawListener(0)); // bound, not listening: connect() is refused
            TeachingClient client = new TeachingClient(bench.api, bench.bus, SockAddrIn.loopback(port), 2000);
            CountDownLatch failureSeen = new CountDownLatch(1);
            AtomicReference<String> seen = new AtomicReference<>();
            EventBus.Subscription reader = bench.bus.subscribe("failure-reader", e -> {
                if (clientConnect(e) && e instanceof ServerEvent.CallReturned r && r.failed()) {
                    Errno errno = client.lastErrno();
                    seen.set(client.state() + " " + (errno == null ? "no errno" : errno.name()));
                    failureSeen.countDown();
                }
            });
            // Holds the client's second publication after connect() started until the reader has looked: a client
            // that stored the errno only after publishing the failure is stopped before it could store it.
            EventBus.Subscription holder = bench.bus.subscribe("connect-holder", e -> true, e -> {
                if (clientConnect(e) && e instanceof ServerEvent.CallStarted) {
                    try {
                        failureSeen.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, 1, EventBus.Delivery.KEEP_ALL);
            try {
                client.start();
                client.connect();
                assertThat(failureSeen.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(seen.get()).isEqualTo("FAILED ECONNREFUSED");
            } finally {
                client.close();
                client.awaitStopped(Duration.ofSeconds(5));
                holder.close();
                reader.close();
            }
        }
    }

    @Test
    void connectBeforeListenIsRefusedAndTheCardSaysWhy() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            int port = bench.portOf(bench.rawListener(0));
            TeachingClient client = one(bench, port, true);

            bench.awaitCard(client, r -> r.state() == ClientState.FAILED);
            assertThat(bench.<String>card(client, r -> r.errno().name())).isEqualTo("ECONNREFUSED");
            assertThat(bench.card(client, ClientRecord::segments)).contains(
                    Segment.toServer(Kind.SYN), Segment.toClient(Kind.RST).withNote(Note.REFUSED));
            assertThat(bench.card(client, ClientRecord::calls)).anyMatch(
                    line -> line.startsWith("connect(") && line.endsWith("-1 ECONNREFUSED (Connection refused)"));
            assertThat(ClientErrnoText.sentence(client.lastErrno())).contains("Nothing listens");
            await().atMost(ClientBench.WAIT).until(() -> client.fd() == -1);
        }
    }

    @Test
    void connectedClientWaitsInTheAcceptQueueUntilTheServerAccepts() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            LifecycleServer server = bench.startServer(PacingMode.STEP, 5);
            bench.stepUntilHeld(Step.ACCEPT);
            int port = bench.awaitListening(server);

            TeachingClient client = one(bench, port, true);
            bench.awaitCard(client, r -> r.state() == ClientState.WAITING_IN_ACCEPT_QUEUE);
            bench.awaitCard(client, r -> r.serverRow() == TcpState.ESTABLISHED && r.ownRow() == TcpState.ESTABLISHED);
            assertThat(bench.card(client, ClientRecord::acceptedBy)).isEqualTo(-1);
            assertThat(bench.card(client, ClientRecord::local)).isEqualTo(client.local());

            bench.gate.step();
            bench.awaitCard(client, r -> r.state() == ClientState.ACCEPTED);
            ServerEvent.CallReturned accept = bench.returned(Step.ACCEPT).get(0);
            assertThat(accept.address()).isEqualTo(client.local());
            assertThat(bench.card(client, ClientRecord::acceptedBy)).isEqualTo((int) accept.result());
        }
    }

    @Test
    void echoRoundTripShowsBothLinesWithByteCounts() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            TeachingClient client = bench.acceptedClient();

            client.send(new byte[] {'h', 'i', 0, '\n'});
            bench.awaitCard(client, r -> r.bytesReceived() == 4);
            assertThat(bench.card(client, ClientRecord::chat)).containsExactly(
                    new ChatLine(ChatLine.Kind.SENT, 4, "hi\\x00\\n"),
                    new ChatLine(ChatLine.Kind.RECEIVED, 4, "hi\\x00\\n"));
            assertThat(bench.card(client, ClientRecord::segments)).contains(
                    new Segment(Segment.Direction.TO_SERVER, Kind.DATA, 4, Note.NONE),
                    new Segment(Segment.Direction.TO_CLIENT, Kind.DATA, 4, Note.NONE));
        }
    }

    @Test
    void exitMakesTheServerCloseAndTheClientSeesRecvZero() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            TeachingClient client = bench.acceptedClient();

            client.sendExit();
            bench.awaitCard(client, r -> r.state() == ClientState.CLOSED);
            assertThat(bench.card(client, ClientRecord::chat)).first()
                    .isEqualTo(new ChatLine(ChatLine.Kind.SENT, 5, "exit\\n"));
            assertThat(bench.card(client, ClientRecord::chat)).last()
                    .isEqualTo(new ChatLine(ChatLine.Kind.PEER_CLOSED, 0, ""));
            assertThat(bench.card(client, ClientRecord::calls)).anyMatch(l -> l.startsWith("recv(") && l.endsWith(" = 0"));
            assertThat(bench.card(client, ClientRecord::segments)).containsSubsequence(
                    Segment.toClient(Kind.FIN), Segment.toServer(Kind.ACK));
            assertThat(bench.returned(Step.CLOSE_CLIENT)).hasSize(1);
        }
    }

    @Test
    void halfClosedClientStillReceivesUntilTheServerCloses() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            int listener = bench.rawListener(1);
            TeachingClient client = one(bench, bench.portOf(listener), true);
            int conn = bench.api.accept(listener).fd();
            try {
                bench.awaitCard(client, r -> r.state() == ClientState.CONNECTED_ACCEPT_UNKNOWN);

                client.halfClose();
                bench.awaitCard(client, r -> r.state() == ClientState.HALF_CLOSED);
                byte[] buffer = new byte[16];
                assertThat(bench.api.recv(conn, buffer, buffer.length, 0)).as("server reads the client's FIN").isZero();
                bench.api.send(conn, "bye\n".getBytes(), 0, 4, 0);
                bench.awaitCard(client, r -> r.bytesReceived() == 4);
                assertThat(bench.card(client, ClientRecord::state)).isEqualTo(ClientState.HALF_CLOSED);

                bench.api.close(conn);
                conn = -1;
                bench.awaitCard(client, r -> r.state() == ClientState.CLOSED);
                assertThat(bench.card(client, ClientRecord::segments)).containsSubsequence(
                        Segment.toServer(Kind.FIN), Segment.toClient(Kind.ACK),
                        new Segment(Segment.Direction.TO_CLIENT, Kind.DATA, 4, Note.NONE),
                        Segment.toClient(Kind.FIN), Segment.toServer(Kind.ACK));
            } finally {
                if (conn >= 0) {
                    bench.api.close(conn);
                }
            }
        }
    }

    @Test
    void abortWithResetMakesTheServersRecvFailWithEconnreset() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            TeachingClient client = bench.acceptedClient();

            client.abortWithReset();
            await().atMost(ClientBench.WAIT).until(() -> bench.returned(Step.RECV).stream()
                    .anyMatch(r -> r.failed() && r.errno().name().equals("ECONNRESET")));
            bench.awaitCard(client, r -> r.segments().contains(
                    Segment.toServer(Kind.RST).withNote(Note.SERVER_SAW_ECONNRESET)));
            assertThat(bench.card(client, ClientRecord::calls)).anyMatch(l -> l.contains("SO_LINGER, {l_onoff=1, l_linger=0}"));
            assertThat(bench.card(client, ClientRecord::state)).isEqualTo(ClientState.CLOSED);
        }
    }

    @Test
    void theFleetCapsClientsAndSaysSo() throws Exception {
        try (ClientBench bench = new ClientBench(3)) {
            ClientFleet.Admission first = bench.fleet.add(SockAddrIn.loopback(9), 5, false);
            assertThat(first.clients()).hasSize(3);
            assertThat(first.refusal()).isEqualTo("Added 3 of 5 clients: the panel holds at most 3 clients."
                    + " Remove some to add more.");
            ClientFleet.Admission second = bench.fleet.add(SockAddrIn.loopback(9), 1, false);
            assertThat(second.clients()).isEmpty();
            assertThat(second.refusal()).startsWith("No client added: the panel holds at most 3 clients");

            await().atMost(ClientBench.WAIT).until(() -> bench.cardCount() == 3);
            for (TeachingClient c : first.clients()) {
                bench.awaitCard(c, r -> r.fd() >= 0 && r.state() == ClientState.NOT_CONNECTED);
            }
            bench.fleet.removeAll();
            await().atMost(ClientBench.WAIT).until(() -> bench.cardCount() == 0);
            assertThat(bench.fleet.add(SockAddrIn.loopback(9), 1, false).clients()).hasSize(1);
        }
    }

    @Test
    void connectTimesOutAgainstAFullAcceptQueueAndTheKernelShowedSynSent() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            LifecycleServer server = bench.startServer(PacingMode.STEP, 1);
            bench.stepUntilHeld(Step.ACCEPT);
            int port = bench.awaitListening(server);
            // Linux queues backlog + 1 = 2 connections; the next SYNs are dropped
            List<TeachingClient> fillers = bench.fleet.add(SockAddrIn.loopback(port), 2, true).clients();
            for (TeachingClient f : fillers) {
                bench.awaitCard(f, r -> r.state() == ClientState.WAITING_IN_ACCEPT_QUEUE);
            }
            bench.fleet.setConnectTimeoutMillis(1500);
            TeachingClient stuck = one(bench, port, true);

            bench.awaitCard(stuck, r -> r.state() == ClientState.CONNECTING && r.ownRow() == TcpState.SYN_SENT);
            assertThat(bench.card(stuck, ClientRecord::segments))
                    .containsExactly(Segment.toServer(Kind.SYN).withNote(Note.UNANSWERED_QUEUE_FULL));
            assertThat(bench.card(stuck, ClientRecord::localPort)).isPositive();

            bench.awaitCard(stuck, r -> r.state() == ClientState.FAILED);
            assertThat(stuck.lastErrno().name()).isEqualTo("ETIMEDOUT");
            assertThat(bench.card(stuck, ClientRecord::segments))
                    .containsExactly(Segment.toServer(Kind.SYN).withNote(Note.TIMED_OUT));
        }
    }

    @Test
    void connectTimeoutOfHalfASecondAgainstARawFullQueue() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            int port = bench.portOf(bench.rawListener(1));
            for (int i = 0; i < 2; i++) {
                int filler = one(bench, port, true).number();
                await().atMost(ClientBench.WAIT).until(() -> bench.fleet.byNumber(filler).orElseThrow().state()
                        == ClientState.CONNECTED_ACCEPT_UNKNOWN);
            }
            bench.fleet.setConnectTimeoutMillis(500);
            TeachingClient late = one(bench, port, true);
            long start = System.nanoTime();
            bench.awaitCard(late, r -> r.state() == ClientState.FAILED);
            // the 500 ms asked for took effect, not the default 5 s
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(300L)
                    .isLessThan(TeachingClient.DEFAULT_CONNECT_TIMEOUT_MILLIS);
            assertThat(late.lastErrno().name()).isEqualTo("ETIMEDOUT");
            assertThat(ClientErrnoText.sentence(late.lastErrno())).contains("accept queue is full");
        }
    }

    @Test
    void aClientWhoseServerStopsSeesTheCloseAndDoesNotHang() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            TeachingClient client = bench.acceptedClient();

            bench.lastServer().stop(Duration.ofSeconds(2));
            bench.awaitCard(client, r -> r.state() == ClientState.CLOSED);
            assertThat(client.state()).isEqualTo(ClientState.CLOSED);
            client.sendText("anyone?", true); // ignored: nothing to send on
            client.close();
            assertThat(client.awaitStopped(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void removingAClientStuckInConnectEndsItsThreadPromptly() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            int port = bench.portOf(bench.rawListener(1));
            // backlog 1 queues 2 connections as a rule, but handshakes finishing at once on different CPUs can
            // each pass the kernel's lock-free "queue full?" check: at most 1 + CPUs get in, so with two more
            // clients than that, at least two stay in connect()
            int cpus = Runtime.getRuntime().availableProcessors();
            int count = cpus + 3;
            List<TeachingClient> all = bench.fleet.add(SockAddrIn.loopback(port), count, true).clients();
            await().atMost(ClientBench.WAIT).until(() -> all.stream().allMatch(
                    c -> c.state() == ClientState.CONNECTING || c.state().connected())
                    && all.stream().filter(c -> c.state().connected()).count() >= 2);
            List<TeachingClient> connecting = all.stream().filter(c -> c.state() == ClientState.CONNECTING).toList();
            assertThat(connecting).hasSizeGreaterThanOrEqualTo(2).hasSizeLessThanOrEqualTo(count - 2);
            TeachingClient stuck = connecting.get(0);

            bench.fleet.remove(stuck);
            // its connect() would give up only after the 5 s connect timeout: stopped within 2 s means it was woken
            assertThat(stuck.awaitStopped(Duration.ofSeconds(2))).isTrue();
            assertThat(stuck.fd()).isEqualTo(-1);
            await().atMost(ClientBench.WAIT).until(() -> bench.cardCount() == count - 1);
        }
    }

    @Test
    void everyClientCallIsPublishedWithTheClientActor() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            TeachingClient client = bench.acceptedClient();
            client.closeGracefully();
            bench.awaitCard(client, r -> r.state() == ClientState.CLOSED);

            List<ServerEvent.CallReturned> mine = bench.events.stream()
                    .filter(e -> e instanceof ServerEvent.CallReturned r && r.actor().kind() == Actor.Kind.CLIENT)
                    .map(ServerEvent.CallReturned.class::cast).toList();
            assertThat(mine).extracting(ServerEvent.CallReturned::call)
                    .containsSubsequence("socket", "connect", "getsockname", "close");
            ServerEvent.CallReturned connect = mine.stream().filter(r -> r.call().equals("connect")).findFirst().orElseThrow();
            assertThat(connect.sockaddrBytes()).isEqualTo(SockAddrIn.loopback(bench.lastServer().boundPort()).structBytes());
            assertThat(mine.stream().filter(r -> r.call().equals("close")).findFirst().orElseThrow().actor().peer())
                    .isEqualTo(client.local());
        }
    }
}
