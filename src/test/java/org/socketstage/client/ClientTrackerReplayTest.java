package org.socketstage.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.event.Actor;
import org.socketstage.server.LifecycleServer;
import org.socketstage.settings.PacingMode;
import org.socketstage.event.ServerEvent;
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
            LifecycleServer server = bench.startServer(PacingMode.LIVE, 5);
            SockAddrIn target = SockAddrIn.loopback(bench.awaitListening(server));
            TeachingClient client = bench.fleet.add(target, 1, true).clients().get(0);
            bench.awaitCard(client, r -> r.state() == ClientState.ACCEPTED);
            client.sendText("ping", true);
            bench.awaitCard(client, r -> r.bytesReceived() == 5);
            client.closeGracefully();
            bench.awaitCard(client, r -> r.state() == ClientState.CLOSED);

            List<ServerEvent> events = List.copyOf(bench.events);
            ClientTracker replay = new ClientTracker();
            events.forEach(replay::apply);
            ClientRecord rebuilt = replay.clients().get(0);
            assertThat(rebuilt.number()).isEqualTo(client.number());
            assertThat(rebuilt.state()).isEqualTo(ClientState.CLOSED);
            assertThat(rebuilt.calls()).isEqualTo(bench.card(client, ClientRecord::calls));
            assertThat(rebuilt.chat()).isEqualTo(bench.card(client, ClientRecord::chat));
            assertThat(rebuilt.segments()).isEqualTo(bench.card(client, ClientRecord::segments));

            // back to the moment the client's send() returned: accepted, one line sent, no reply yet
            int sendReturned = indexOf(events, "send");
            replay.reset();
            events.subList(0, sendReturned + 1).forEach(replay::apply);
            ClientRecord earlier = replay.clients().get(0);
            assertThat(earlier.state()).isEqualTo(ClientState.ACCEPTED);
            assertThat(earlier.chat()).containsExactly(new ChatLine(ChatLine.Kind.SENT, 5, "ping\\n"));
            assertThat(earlier.fd()).isEqualTo((int) bench.events.stream()
                    .filter(e -> e instanceof ServerEvent.CallReturned r && r.call().equals("socket")
                            && r.actor().kind() == Actor.Kind.CLIENT)
                    .map(e -> ((ServerEvent.CallReturned) e).result()).findFirst().orElseThrow().longValue());
        }
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
