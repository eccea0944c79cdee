package org.socketstage.ui.history;

import org.socketstage.event.TestEvents;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.socket.SockAddrIn;

class EventHistoryTest {

    private final TestEvents ev = new TestEvents();

    @Test
    void keepsTheNewestEventsAndCountsTheDropped() {
        EventHistory h = new EventHistory(3);
        for (int i = 0; i < 5; i++) {
            h.add(ev.conn(4, SockAddrIn.loopback(50000), Step.RECV, "recv", i + 1));
        }
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.droppedCount()).isEqualTo(2);
        assertThat(h.get(0).seq()).isEqualTo(3);
        assertThat(h.get(2).seq()).isEqualTo(5);
        assertThat(h.indexOf(4)).isEqualTo(1);
        assertThat(h.indexOf(1)).isEqualTo(-1);
    }

    @Test
    void droppedSetupCallsArePinnedSoAReplayStillKnowsTheListener() {
        EventHistory h = new EventHistory(4);
        h.add(ev.state(ServerState.RUNNING));
        h.add(ev.ok(Step.SOCKET, "socket", "", 3, null));
        h.add(ev.ok(Step.BIND, "bind", "", 0, SockAddrIn.loopback(9090)));
        h.add(ev.ok(Step.LISTEN, "listen", "3, 5", 0, null));
        for (int i = 0; i < 6; i++) {
            h.add(ev.conn(4, SockAddrIn.loopback(50000), Step.RECV, "recv", 1));
        }
        assertThat(h.droppedCount()).isEqualTo(6);
        assertThat(h.pinnedCount()).isEqualTo(4);
        List<ServerEvent> replay = h.replayTo(0);
        assertThat(replay).hasSize(5);
        assertThat(replay.get(1)).isInstanceOf(ServerEvent.CallReturned.class);
        assertThat(((ServerEvent.CallReturned) replay.get(1)).stage()).isEqualTo(Step.SOCKET);
        assertThat(replay).extracting(ServerEvent::seq).isSorted();
    }

    @Test
    void aNewRunDroppedOutOfTheWindowReplacesThePinnedSetupOfTheOldOne() {
        EventHistory h = new EventHistory(2);
        h.add(ev.state(ServerState.RUNNING));
        h.add(ev.ok(Step.SOCKET, "socket", "", 3, null));
        h.add(ev.state(ServerState.STOPPED));
        h.add(ev.state(ServerState.RUNNING));
        h.add(ev.ok(Step.SOCKET, "socket", "", 5, null));
        h.add(ev.ok(Step.BIND, "bind", "", 0, SockAddrIn.loopback(9091)));
        // dropped so far: RUNNING, socket=3, STOPPED, RUNNING; pinned holds only the second run's RUNNING
        assertThat(h.pinnedCount()).isEqualTo(1);
        assertThat(h.replayTo(1)).extracting(ServerEvent::seq).containsExactly(4L, 5L, 6L);
    }

    @Test
    void aClientCardsBirthStaysReplayableAcrossANewServerRun() {
        EventHistory h = new EventHistory(2);
        org.socketstage.event.Actor client = org.socketstage.event.Actor.client(7, null);
        h.add(ev.returned(client, Step.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0", 7, null, false, null, null));
        h.add(ev.state(ServerState.RUNNING));
        for (int i = 0; i < 4; i++) {
            h.add(ev.conn(4, SockAddrIn.loopback(50000), Step.RECV, "recv", 1));
        }
        assertThat(h.replayTo(0)).first().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(client);
            assertThat(((ServerEvent.CallReturned) e).call()).isEqualTo("socket");
        });
    }
}
