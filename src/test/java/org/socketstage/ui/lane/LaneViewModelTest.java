package org.socketstage.ui.lane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socketstage.server.ServerState;
import org.socketstage.server.Stage;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.ui.Events;
import org.socketstage.ui.Texts;

class LaneViewModelTest {

    private final Texts texts = Texts.load();
    private final LaneViewModel lane = new LaneViewModel(texts);
    private final Events ev = new Events();

    private void feed(org.socketstage.server.ServerEvent... events) {
        for (var e : events) {
            lane.apply(e);
        }
        lane.publish();
    }

    @Test
    void beforeAnythingEveryStageIsWaiting() {
        for (Stage s : Stage.values()) {
            assertThat(lane.card(s).status()).isEqualTo(StageStatus.WAITING);
        }
        assertThat(lane.currentStageProperty().get()).isNull();
    }

    @Test
    void aHeldCallIsTheHighlightedNextStage() {
        feed(ev.state(ServerState.RUNNING), ev.started(Stage.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0"),
                ev.held(Stage.SOCKET, "socket", "step"));
        assertThat(lane.currentStageProperty().get()).isEqualTo(Stage.SOCKET);
        assertThat(lane.card(Stage.SOCKET).status()).isEqualTo(StageStatus.NEXT);
        assertThat(lane.card(Stage.SOCKET).note()).isEqualTo(texts.get("lane.held.step"));
    }

    @Test
    void successShowsTheRealResult() {
        feed(ev.started(Stage.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0"),
                ev.ok(Stage.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0", 3, null),
                ev.started(Stage.BIND, "bind", "3, {...}, 16"),
                ev.ok(Stage.BIND, "bind", "3, {...}, 16", 0, SockAddrIn.loopback(9090)));
        assertThat(lane.card(Stage.SOCKET).status()).isEqualTo(StageStatus.OK);
        assertThat(lane.card(Stage.SOCKET).result()).isEqualTo("fd = 3");
        assertThat(lane.card(Stage.BIND).result()).isEqualTo("= 0");
        assertThat(lane.card(Stage.BIND).call()).isEqualTo("bind(3, {...}, 16) = 0");
        assertThat(lane.currentStageProperty().get()).isEqualTo(Stage.BIND);
        assertThat(lane.failureProperty().get()).isEmpty();
    }

    @Test
    void failureNamesTheErrnoAndSaysWhatToCheck() {
        feed(ev.started(Stage.BIND, "bind", "3, {...}, 16"),
                ev.failed(Stage.BIND, "bind", "3, {...}, 16", "EADDRINUSE", false));
        StageCard bind = lane.card(Stage.BIND);
        assertThat(bind.status()).isEqualTo(StageStatus.FAILED);
        assertThat(bind.errnoName()).isEqualTo("EADDRINUSE");
        assertThat(bind.result()).isEqualTo("= -1 EADDRINUSE");
        assertThat(bind.explanation()).startsWith("Another socket already holds this port");
        assertThat(lane.failureProperty().get()).contains("bind()", "EADDRINUSE", "Another socket already holds");
    }

    @Test
    void theCleanUpCloseAfterAFailedBindLeavesTheHighlightOnBind() {
        feed(ev.failed(Stage.BIND, "bind", "3, {...}, 16", "EADDRINUSE", false),
                ev.started(Stage.CLOSE_LISTENER, "close", "3"), ev.ok(Stage.CLOSE_LISTENER, "close", "3", 0, null));
        assertThat(lane.currentStageProperty().get()).isEqualTo(Stage.BIND);
        assertThat(lane.card(Stage.CLOSE_LISTENER).status()).isEqualTo(StageStatus.OK);
    }

    @Test
    void simulatedResultsAreLabelled() {
        feed(ev.failed(Stage.ACCEPT, "accept", "3, NULL, NULL", "EMFILE", true));
        assertThat(lane.card(Stage.ACCEPT).simulated()).isTrue();
        assertThat(lane.card(Stage.ACCEPT).result()).contains("simulated");
        assertThat(lane.failureProperty().get()).contains("simulated");
    }

    @Test
    void eachAcceptedClientStartsANewRoundOfThePerClientStages() {
        SockAddrIn peer = SockAddrIn.loopback(50000);
        feed(ev.ok(Stage.ACCEPT, "accept", "3, ...", 4, peer),
                ev.conn(4, peer, Stage.RECV, "recv", 5),
                ev.conn(4, peer, Stage.SEND, "send", 5),
                ev.conn(4, peer, Stage.CLOSE_CLIENT, "close", 0));
        assertThat(lane.card(Stage.ACCEPT).result()).isEqualTo("fd = 4 (127.0.0.1:50000)");
        assertThat(lane.card(Stage.RECV).result()).isEqualTo("= 5 bytes");
        assertThat(lane.card(Stage.CLOSE_CLIENT).status()).isEqualTo(StageStatus.OK);
        assertThat(lane.roundsProperty().get()).isEqualTo(1);

        feed(ev.ok(Stage.ACCEPT, "accept", "3, ...", 4, SockAddrIn.loopback(50001)));
        assertThat(lane.roundsProperty().get()).isEqualTo(2);
        assertThat(lane.card(Stage.RECV).status()).isEqualTo(StageStatus.WAITING);
        assertThat(lane.card(Stage.CLOSE_CLIENT).status()).isEqualTo(StageStatus.WAITING);
    }

    @Test
    void aNewRunStartsFromADimLane() {
        feed(ev.ok(Stage.SOCKET, "socket", "", 3, null), ev.failed(Stage.BIND, "bind", "", "EADDRINUSE", false),
                ev.state(ServerState.FAILED));
        feed(ev.state(ServerState.RUNNING));
        assertThat(lane.card(Stage.SOCKET).status()).isEqualTo(StageStatus.WAITING);
        assertThat(lane.card(Stage.BIND).status()).isEqualTo(StageStatus.WAITING);
        assertThat(lane.failureProperty().get()).isEmpty();
    }

    @Test
    void resetThenReplayGivesTheSameCards() {
        var events = new org.socketstage.server.ServerEvent[] {
            ev.started(Stage.SOCKET, "socket", ""), ev.ok(Stage.SOCKET, "socket", "", 3, null),
            ev.held(Stage.SETSOCKOPT, "setsockopt", "breakpoint")};
        feed(events);
        StageCard before = lane.card(Stage.SETSOCKOPT);
        lane.reset();
        feed(events);
        assertThat(lane.card(Stage.SETSOCKOPT)).isEqualTo(before);
        assertThat(before.note()).isEqualTo(texts.get("lane.held.breakpoint"));
    }
}
