package org.socketstage.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.event.Actor;
import org.socketstage.server.LifecycleServer;
import org.socketstage.settings.PacingMode;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.socket.SockAddrIn;

/**
 * The history scrubber resets the panel and replays events up to a moment. A tracker fed the recorded events of
 * a real session must therefore show, at each moment, what the live one showed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientTrackerReplayTest {

    @Test
    void replayingARealSessionRebuildsTheSameCardAtEveryMoment() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            TeachingClient client = pingAndClose(bench);
            ClientBench.Moment live = bench.moment(client);
            List<ServerEvent> events = live.events();
            ClientTracker replay = new ClientTracker();
            events.forEach(replay::apply);
            ClientRecord rebuilt = replay.clients().get(0);
            assertThat(rebuilt.number()).isEqualTo(client.number());
            assertThat(rebuilt.state()).isEqualTo(ClientState.CLOSED);
            assertThat(rebuilt.calls()).isEqualTo(live.calls());
            assertThat(rebuilt.chat()).isEqualTo(live.chat());
            assertThat(rebuilt.segments()).isEqualTo(live.segments()).isEqualTo(CLOSED_BY_THE_CLIENT);

            // back to the moment the client's send() returned: accepted, one line sent, no reply yet
            int sendReturned = indexOf(events, "send");
            replay.reset();
            events.subList(0, sendReturned + 1).forEach(replay::apply);
            ClientRecord earlier = replay.clients().get(0);
            assertThat(earlier.state()).isEqualTo(ClientState.ACCEPTED);
            assertThat(earlier.chat()).containsExactly(new ChatLine(ChatLine.Kind.SENT, 5, "ping\\n"));
            assertThat(earlier.fd()).isEqualTo((int) events.stream()
                    .filter(e -> e instanceof ServerEvent.CallReturned r && r.call().equals("socket")
                            && r.actor().kind() == Actor.Kind.CLIENT)
                    .map(e -> ((ServerEvent.CallReturned) e).result()).findFirst().orElseThrow().longValue());
        }
    }

    /**
     * The client's close() and the server's recv() = 0 and close() run on different threads, so their events
     * reach the bus in either order. The card must draw the exchange in the order the packets went: the client's
     * FIN (which made the server's recv() return 0) before the server's.
     */
    @Test
    void theCloseHandshakeIsDrawnInCausalOrderWhicheverThreadPublishesFirst() throws Exception {
        try (ClientBench bench = new ClientBench()) {
            List<ServerEvent> events = bench.moment(pingAndClose(bench)).events();
            ServerEvent clientClose = events.get(indexOf(events, "close"));
            ServerEvent serverEof = events.get(indexWhere(events, e -> e instanceof ServerEvent.CallReturned r
                    && r.actor().kind() == Actor.Kind.CONNECTION && r.stage() == Step.RECV && r.result() == 0));
            ServerEvent serverClose = events.get(indexWhere(events, e -> e instanceof ServerEvent.CallReturned r
                    && r.actor().kind() == Actor.Kind.CONNECTION && r.stage() == Step.CLOSE_CLIENT));

            List<ServerEvent> clientFirst = moved(events, clientClose, serverEof, 0);
            List<ServerEvent> serverFirst = moved(events, clientClose, serverClose, 1);
            assertThat(clientFirst.indexOf(clientClose)).isLessThan(clientFirst.indexOf(serverEof));
            assertThat(serverFirst.indexOf(clientClose)).isGreaterThan(serverFirst.indexOf(serverClose));
            for (List<ServerEvent> order : List.of(clientFirst, serverFirst)) {
                ClientTracker replay = new ClientTracker();
                order.forEach(replay::apply);
                assertThat(replay.clients().get(0).segments()).isEqualTo(CLOSED_BY_THE_CLIENT);
            }
        }
    }

    /**
     * A real session with the app's live server: connect, "ping\\n" there and back, the client closes; returns once
     * the whole close handshake is on the card (the client's close() makes it CLOSED at once, the server's FIN
     * and its ACK follow when the server's recv() sees end-of-file), so no more events for it are to come.
     */
    private static TeachingClient pingAndClose(ClientBench bench) {
        LifecycleServer server = bench.startServer(PacingMode.LIVE, 5);
        TeachingClient client = bench.fleet.add(SockAddrIn.loopback(bench.awaitListening(server)), 1, true)
                .clients().get(0);
        bench.awaitCard(client, r -> r.state() == ClientState.ACCEPTED);
        client.sendText("ping", true);
        bench.awaitCard(client, r -> r.bytesReceived() == 5);
        client.closeGracefully();
        bench.awaitCard(client, r -> r.state() == ClientState.CLOSED
                && r.segments().contains(Segment.toClient(Segment.Kind.FIN))
                && r.segments().get(r.segments().size() - 1).equals(Segment.toServer(Segment.Kind.ACK)));
        return client;
    }

    /** connect, "ping\\n" there and back, then the client's FIN and ACK before the server's. */
    private static final List<Segment> CLOSED_BY_THE_CLIENT = List.of(
            Segment.toServer(Segment.Kind.SYN), Segment.toClient(Segment.Kind.SYN_ACK),
            Segment.toServer(Segment.Kind.ACK),
            new Segment(Segment.Direction.TO_SERVER, Segment.Kind.DATA, 5, Segment.Note.NONE),
            new Segment(Segment.Direction.TO_CLIENT, Segment.Kind.DATA, 5, Segment.Note.NONE),
            Segment.toServer(Segment.Kind.FIN), Segment.toClient(Segment.Kind.ACK),
            Segment.toClient(Segment.Kind.FIN), Segment.toServer(Segment.Kind.ACK));

    /** The events with {@code event} taken out and put back just before (0) or just after (1) {@code anchor}. */
    private static List<ServerEvent> moved(List<ServerEvent> events, ServerEvent event, ServerEvent anchor, int after) {
        List<ServerEvent> order = new ArrayList<>(events);
        order.remove(event);
        order.add(order.indexOf(anchor) + after, event);
        return order;
    }

    private static int indexWhere(List<ServerEvent> events, Predicate<ServerEvent> test) {
        for (int i = 0; i < events.size(); i++) {
            if (test.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such event in the recorded session");
    }

    private static int indexOf(List<ServerEvent> events, String clientCall) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof ServerEvent.CallReturned r && r.actor().kind() == Actor.Kind.CLIENT
                    && r.call().equals(clientCall)) {
                return i;
            }
        }
        throw new AssertionError("no client " + clientCall + " in the recorded events");
    }
}
