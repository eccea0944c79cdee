package org.socketstage.ui.lane;

import org.socketstage.event.TestEvents;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.ui.text.UiText;

class LaneViewModelTest {

    private final UiText texts = UiText.load();
    private final LaneViewModel lane = new LaneViewModel(texts);
    private final TestEvents ev = new TestEvents();

    private void feed(org.socketstage.event.ServerEvent... events) {
        for (var e : events) {
            lane.apply(e);
        }
        lane.publish();
    }

    @Test
    void beforeAnythingEveryStageIsWaiting() {
        for (Step s : Step.values()) {
            assertThat(lane.card(s).status()).isEqualTo(StageStatus.WAITING);
        }
        assertThat(lane.currentStageProperty().get()).isNull();
    }

    @Test
    void aHeldCallIsTheHighlightedNextStage() {
        feed(ev.state(ServerState.RUNNING), ev.started(Step.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0"),
                ev.held(Step.SOCKET, "socket", "step"));
        assertThat(lane.currentStageProperty().get()).isEqualTo(Step.SOCKET);
        assertThat(lane.card(Step.SOCKET).status()).isEqualTo(StageStatus.NEXT);
        assertThat(lane.card(Step.SOCKET).note()).isEqualTo(texts.get("lane.held.step"));
    }

    @Test
    void successShowsTheRealResult() {
        feed(ev.started(Step.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0"),
                ev.ok(Step.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0", 3, null),
                ev.started(Step.BIND, "bind", "3, {...}, 16"),
                ev.ok(Step.BIND, "bind", "3, {...}, 16", 0, SockAddrIn.loopback(9090)));
        assertThat(lane.card(Step.SOCKET).status()).isEqualTo(StageStatus.OK);
        assertThat(lane.card(Step.SOCKET).result()).isEqualTo("fd = 3");
        assertThat(lane.card(Step.BIND).result()).isEqualTo("= 0");
        assertThat(lane.card(Step.BIND).call()).isEqualTo("bind(3, {...}, 16) = 0");
        assertThat(lane.currentStageProperty().get()).isEqualTo(Step.BIND);
        assertThat(lane.failureProperty().get()).isEmpty();
    }

    @Test
    void failureNamesTheErrnoAndSaysWhatToCheck() {
        feed(ev.started(Step.BIND, "bind", "3, {...}, 16"),
                ev.failed(Step.BIND, "bind", "3, {...}, 16", "EADDRINUSE", false));
        StageCard bind = lane.card(Step.BIND);
        assertThat(bind.status()).isEqualTo(StageStatus.FAILED);
        assertThat(bind.errnoName()).isEqualTo("EADDRINUSE");
        assertThat(bind.result()).isEqualTo("= -1 EADDRINUSE");
        assertThat(bind.explanation()).startsWith("Another socket already holds this port");
        assertThat(lane.failureProperty().get()).contains("bind()", "EADDRINUSE", "Another socket already holds");
    }

    @Test
    void theCleanUpCloseAfterAFailedBindLeavesTheHighlightOnBind() {
        feed(ev.failed(Step.BIND, "bind", "3, {...}, 16", "EADDRINUSE", false),
                ev.started(Step.CLOSE_LISTENER, "close", "3"), ev.ok(Step.CLOSE_LISTENER, "close", "3", 0, null));
        assertThat(lane.currentStageProperty().get()).isEqualTo(Step.BIND);
        assertThat(lane.card(Step.CLOSE_LISTENER).status()).isEqualTo(StageStatus.OK);
    }

    @Test
    void simulatedResultsAreLabelled() {
        feed(ev.failed(Step.ACCEPT, "accept", "3, NULL, NULL", "EMFILE", true));
        assertThat(lane.card(Step.ACCEPT).simulated()).isTrue();
        assertThat(lane.card(Step.ACCEPT).result()).contains("simulated");
        assertThat(lane.failureProperty().get()).contains("simulated");
    }

    @Test
    void eachAcceptedClientStartsANewRoundOfThePerClientStages() {
        SockAddrIn peer = SockAddrIn.loopback(50000);
        feed(ev.ok(Step.ACCEPT, "accept", "3, ...", 4, peer),
                ev.conn(4, peer, Step.RECV, "recv", 5),
                ev.conn(4, peer, Step.SEND, "send", 5),
                ev.conn(4, peer, Step.CLOSE_CLIENT, "close", 0));
        assertThat(lane.card(Step.ACCEPT).result()).isEqualTo("fd = 4\n127.0.0.1 port 50000");
        assertThat(lane.card(Step.RECV).result()).isEqualTo("= 5 bytes");
        assertThat(lane.card(Step.CLOSE_CLIENT).status()).isEqualTo(StageStatus.OK);
        assertThat(lane.roundsProperty().get()).isEqualTo(1);

        feed(ev.ok(Step.ACCEPT, "accept", "3, ...", 4, SockAddrIn.loopback(50001)));
        assertThat(lane.roundsProperty().get()).isEqualTo(2);
        assertThat(lane.card(Step.RECV).status()).isEqualTo(StageStatus.WAITING);
        assertThat(lane.card(Step.CLOSE_CLIENT).status()).isEqualTo(StageStatus.WAITING);
    }

    @Test
    void aNewRunStartsFromADimLane() {
        feed(ev.ok(Step.SOCKET, "socket", "", 3, null), ev.failed(Step.BIND, "bind", "", "EADDRINUSE", false),
                ev.state(ServerState.FAILED));
        feed(ev.state(ServerState.RUNNING));
        assertThat(lane.card(Step.SOCKET).status()).isEqualTo(StageStatus.WAITING);
        assertThat(lane.card(Step.BIND).status()).isEqualTo(StageStatus.WAITING);
        assertThat(lane.failureProperty().get()).isEmpty();
    }

    @Test
    void resetThenReplayGivesTheSameCards() {
        var events = new org.socketstage.event.ServerEvent[] {
            ev.started(Step.SOCKET, "socket", ""), ev.ok(Step.SOCKET, "socket", "", 3, null),
            ev.held(Step.SETSOCKOPT, "setsockopt", "breakpoint")};
        feed(events);
        StageCard before = lane.card(Step.SETSOCKOPT);
        lane.reset();
        feed(events);
        assertThat(lane.card(Step.SETSOCKOPT)).isEqualTo(before);
        assertThat(before.note()).isEqualTo(texts.get("lane.held.breakpoint"));
    }

    @Test
    void manyCallsBetweenTwoRefreshesShowTheLatestOfEachStage() {
        // the cards are written at publish time from each stage's latest call: the same as writing every one
        for (int n = 1; n <= 500; n++) {
            lane.apply(ev.started(Step.RECV, "recv", "5, ..., 4096, 0"));
            lane.apply(ev.ok(Step.RECV, "recv", "5, \"x\", 4096, 0", n, null));
            lane.apply(ev.started(Step.SEND, "send", "5, \"x\", " + n + ", 0"));
        }
        lane.publish();
        assertThat(lane.card(Step.RECV).status()).isEqualTo(StageStatus.OK);
        assertThat(lane.card(Step.RECV).result()).isEqualTo(texts.format("lane.result.bytes", 500));
        assertThat(lane.card(Step.SEND).status()).as("the latest send has not returned").isEqualTo(StageStatus.ACTIVE);
        assertThat(lane.card(Step.SEND).call()).isEqualTo("send(5, \"x\", 500, 0)");
        assertThat(lane.statusProperty().get()).isEqualTo(texts.format("lane.status.calling", Step.SEND.label(),
                lane.card(Step.SEND).actor()));
        assertThat(lane.currentStageProperty().get()).isEqualTo(Step.SEND);
        feed(ev.ok(Step.SEND, "send", "5, \"x\", 500, 0", 500, null));
        assertThat(lane.card(Step.SEND).status()).isEqualTo(StageStatus.OK);
        assertThat(lane.statusProperty().get()).isEqualTo(texts.format("lane.status.returned", Step.SEND.label(),
                texts.format("lane.result.bytes", 500)));
        feed(ev.state(ServerState.STOPPED));
        assertThat(lane.card(Step.RECV).status()).as("returned: not abandoned").isEqualTo(StageStatus.OK);
    }
}
