package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.server.StepGate;
import org.socketstage.session.Session;
import org.socketstage.session.TestSessions;
import org.socketstage.settings.PacingMode;
import org.socketstage.ui.code.CodeLine;
import org.socketstage.ui.controls.ServerControlViewModel;
import org.socketstage.ui.lane.StageStatus;
import org.socketstage.ui.sockets.ConnectionCard;
import org.socketstage.ui.sockets.ConnectionState;
import org.socketstage.ui.text.UiText;

/**
 * Stops a real server while it is held before each step in turn and checks every pane afterwards: nothing may
 * still say "next", "calling" or "running", the listener is closed, no connection looks open, and the queue
 * shows what the kernel holds now.
 */
@Timeout(60)
class StopAtEveryStepTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(value = Step.class, names = "CLOSE_LISTENER", mode = EnumSource.Mode.EXCLUDE)
    void afterStopEveryPaneShowsWhatTheKernelAndTheSessionHold(Step heldAt) throws Exception {
        EventBus bus = new EventBus();
        ConcurrentLinkedQueue<ServerEvent> arrived = new ConcurrentLinkedQueue<>();
        EventBus.Subscription collect = bus.subscribe("stop-test", arrived::add);
        try (Session session = TestSessions.loopback(bus); Socket client = new Socket()) {
            MainViewModel vm = new MainViewModel(session, UiText.load());
            session.chooseMode(PacingMode.STEP);
            session.start().get();
            holdAt(session.gate(), heldAt, client, session);

            session.stopServer();
            await().atMost(WAIT).until(() -> arrived.stream().anyMatch(StopAtEveryStepTest::stopped));
            if (heldAt.ordinal() > Step.BIND.ordinal()) {
                // the kernel's word after the stop: the session keeps watching the port it had
                await().atMost(WAIT).until(() -> kernelAfterStop(arrived));
            }
            List<ServerEvent> batch = new ArrayList<>(arrived);
            vm.feed().accept(batch);

            assertThat(vm.control().phaseProperty().get()).isEqualTo(ServerControlViewModel.Phase.STOPPED);
            for (Step s : Step.values()) {
                assertThat(vm.lane().card(s).status()).as("lane card " + s)
                        .isNotIn(StageStatus.NEXT, StageStatus.ACTIVE);
            }
            // a held close(client) is not abandoned: stopping closes that socket, so the call really happens
            assertThat(vm.lane().card(heldAt).status()).as("the step the stop interrupted")
                    .isEqualTo(heldAt == Step.CLOSE_CLIENT ? StageStatus.OK : StageStatus.ABANDONED);
            for (CodeLine line : vm.code().c().lines()) {
                assertThat(String.valueOf(line.annotation())).as("C line " + line.number())
                        .doesNotContain("calling").doesNotContain("waiting (");
            }
            assertThat(vm.code().lastCall()).doesNotContain("… calling").doesNotContain("waiting (");
            if (heldAt != Step.SOCKET) {
                assertThat(vm.sockets().listenerProperty().get().state()).contains("closed");
            }
            for (ConnectionCard c : vm.sockets().connections()) {
                assertThat(c.state()).as("connection " + c.fd()).isIn(ConnectionState.CLOSED,
                        ConnectionState.TIME_WAIT, ConnectionState.GONE, ConnectionState.PEER_CLOSED);
                assertThat(c.kernelState()).as("kernel state of connection " + c.fd()).isNotEqualTo("ESTABLISHED");
            }
            assertThat(vm.sockets().queueProperty().get().waitingPeers()).as("clients waiting for accept()").isEmpty();
        } finally {
            collect.close();
        }
    }

    private static boolean stopped(ServerEvent e) {
        return e instanceof ServerEvent.StateChanged s && s.actor().kind() == Actor.Kind.SERVER
                && s.state() == ServerState.STOPPED;
    }

    private static boolean kernelAfterStop(ConcurrentLinkedQueue<ServerEvent> events) {
        boolean seenStop = false;
        for (ServerEvent e : events) {
            seenStop |= stopped(e);
            if (seenStop && e instanceof ServerEvent.KernelChanged k && k.snapshot().listenRow().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Steps the server until the call of {@code target} is held, playing the client's part on the way. */
    private static void holdAt(StepGate gate, Step target, Socket client, Session session) throws IOException {
        boolean sent = false;
        boolean closedOut = false;
        while (true) {
            await().atMost(WAIT).until(() -> !gate.held().isEmpty());
            Step held = gate.held().get(0).stage();
            if (held == target) {
                return;
            }
            if (held == Step.ACCEPT && !client.isConnected()) {
                client.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), session.serverPort()));
            }
            if (held == Step.RECV && !sent) {
                OutputStream out = client.getOutputStream();
                out.write("hi\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sent = true;
            } else if (held == Step.RECV && target == Step.CLOSE_CLIENT && !closedOut) {
                client.shutdownOutput();
                closedOut = true;
            }
            // a released call leaves held() at once; the loop then waits for the next one
            gate.step();
        }
    }
}
