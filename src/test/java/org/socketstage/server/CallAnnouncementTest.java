package org.socketstage.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.event.EventBus;
import org.socketstage.event.EventTypes;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.settings.PacingMode;
import org.socketstage.socket.NativeSocketApi;

/**
 * A call's announcement (CallStarted) is made only while some listener reads that kind: the trace mode's printer
 * passes over them unless it steps, and on a busy server they were half of each echo's events.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CallAnnouncementTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void withOnlyAPrinterOfResultsNoAnnouncementIsPublishedAndItPassesOverNothing() throws Exception {
        EventBus bus = new EventBus();
        List<ServerEvent> printed = new CopyOnWriteArrayList<>();
        // the trace mode's printer when it does not step
        EventBus.Subscription printer = bus.subscribe("stdout", EventTypes.allBut(ServerEvent.CallStarted.class,
                ServerEvent.CallHeld.class), printed::add, EventBus.DEFAULT_QUEUE_CAPACITY, EventBus.Delivery.KEEP_ALL);
        LifecycleServer server = liveServer(bus);
        try {
            echoOnce(server.boundPort(), "quiet\n");
            awaitClosedClient(printed);
        } finally {
            server.stop(WAIT);
            printer.drain(5000);
            printer.close();
        }
        assertThat(printed).noneMatch(ServerEvent.CallStarted.class::isInstance);
        assertThat(printed).filteredOn(ServerEvent.CallReturned.class::isInstance).extracting(e ->
                ((ServerEvent.CallReturned) e).stage())
                .containsSubsequence(Step.SOCKET, Step.BIND, Step.LISTEN, Step.ACCEPT, Step.RECV, Step.SEND,
                        Step.CLOSE_CLIENT);
        // every event published reached the printer: it passed over none, so none was made for nobody
        assertThat(printed).extracting(ServerEvent::seq).isSorted().doesNotHaveDuplicates()
                .hasSize((int) bus.lastSeq()).startsWith(1L);
    }

    @Test
    void aListenerOfEveryKindThatJoinsMidRunGetsTheAnnouncementsFromThenOn() throws Exception {
        EventBus bus = new EventBus();
        List<ServerEvent> printed = new CopyOnWriteArrayList<>();
        EventBus.Subscription printer = bus.subscribe("stdout", EventTypes.allBut(ServerEvent.CallStarted.class),
                printed::add, EventBus.DEFAULT_QUEUE_CAPACITY, EventBus.Delivery.KEEP_ALL);
        LifecycleServer server = liveServer(bus);
        List<ServerEvent> window = new CopyOnWriteArrayList<>();
        EventBus.Subscription late = null;
        try {
            echoOnce(server.boundPort(), "before\n");
            // the first client is closed and the server back in accept() before the window comes
            awaitClosedClient(printed);
            late = bus.subscribe("window", window::add);
            echoOnce(server.boundPort(), "after\n");
            await().atMost(WAIT).until(() -> window.stream().filter(e -> e instanceof ServerEvent.CallReturned r
                    && r.stage() == Step.CLOSE_CLIENT).count() == 1);
        } finally {
            server.stop(WAIT);
            if (late != null) {
                late.drain(5000);
                late.close();
            }
            printer.close();
        }
        assertThat(printed).noneMatch(ServerEvent.CallStarted.class::isInstance);
        for (Step stage : List.of(Step.RECV, Step.SEND, Step.CLOSE_CLIENT)) {
            assertThat(window).as("%s announced before its result", stage).filteredOn(e ->
                    e instanceof ServerEvent.CallStarted s && s.stage() == stage
                    || e instanceof ServerEvent.CallReturned r && r.stage() == stage)
                    .extracting(e -> e.getClass().getSimpleName()).startsWith("CallStarted", "CallReturned");
        }
    }

    /** A live server on a kernel-chosen loopback port, listening. */
    private static LifecycleServer liveServer(EventBus bus) {
        LifecycleServer server = new LifecycleServer(ServerFixture.loopbackAnyPort(), new NativeSocketApi(),
                new StepGate(PacingMode.LIVE, 0), bus);
        server.start();
        try {
            await().atMost(WAIT).until(() -> server.boundPort() > 0);
        } catch (RuntimeException e) {
            server.stop(WAIT);
            throw e;
        }
        return server;
    }

    private static void awaitClosedClient(List<ServerEvent> seen) {
        await().atMost(WAIT).until(() -> seen.stream().anyMatch(e -> e instanceof ServerEvent.CallReturned r
                && r.stage() == Step.CLOSE_CLIENT));
    }

    private static void echoOnce(int port, String line) throws Exception {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(5000);
            client.getOutputStream().write(line.getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            byte[] back = in.readNBytes(line.length());
            assertThat(new String(back, StandardCharsets.US_ASCII)).isEqualTo(line);
        }
    }
}
