package org.socketstage.ui;

import org.socketstage.event.TestEvents;
import org.socketstage.ui.text.UiText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.ui.lane.LaneViewModel;
import org.socketstage.ui.lane.StageStatus;

class ViewFeedTest {

    private final UiText texts = UiText.load();
    private final TestEvents ev = new TestEvents();
    private final ViewFeed feed = new ViewFeed(100);
    private final LaneViewModel lane = new LaneViewModel(texts);
    private final java.util.List<ServerEvent> liveSeen = new java.util.ArrayList<>();

    ViewFeedTest() {
        feed.addSink(lane);
        feed.addLiveSink(new EventSink() {
            @Override
            public void reset() {
                throw new AssertionError("live sinks are never reset");
            }

            @Override
            public void apply(ServerEvent event) {
                liveSeen.add(event);
            }
        });
    }

    private List<ServerEvent> setup() {
        return List.of(ev.state(ServerState.RUNNING),
                ev.started(Step.SOCKET, "socket", ""), ev.ok(Step.SOCKET, "socket", "", 3, null),
                ev.started(Step.BIND, "bind", ""), ev.ok(Step.BIND, "bind", "", 0, SockAddrIn.loopback(9090)),
                ev.started(Step.LISTEN, "listen", "3, 5"), ev.ok(Step.LISTEN, "listen", "3, 5", 0, null));
    }

    @Test
    void liveBatchesReachEverySinkOnce() {
        feed.accept(setup());
        assertThat(lane.card(Step.LISTEN).status()).isEqualTo(StageStatus.OK);
        assertThat(liveSeen).hasSize(7);
        assertThat(feed.sizeProperty().get()).isEqualTo(7);
        assertThat(feed.momentIndexProperty().get()).isEqualTo(6);
    }

    @Test
    void eventsTakenInReachTheViewsAtTheNextRefreshOnlyAndOnceHoweverManyPulsesTookThemIn() {
        int[] publishes = {0};
        feed.addSink(new BatchedSink() {
            @Override
            public void reset() { }

            @Override
            public void apply(ServerEvent event) { }

            @Override
            public void publish() {
                publishes[0]++;
            }
        });
        List<ServerEvent> events = setup();
        feed.take(events.subList(0, 3));
        feed.take(events.subList(3, 7));
        assertThat(liveSeen).as("applied as taken in").hasSize(7);
        assertThat(publishes[0]).isZero();
        assertThat(feed.sizeProperty().get()).as("the history's size is shown at the refresh").isZero();

        feed.refresh();
        assertThat(publishes[0]).isEqualTo(1);
        assertThat(feed.sizeProperty().get()).isEqualTo(7);
        assertThat(feed.momentIndexProperty().get()).isEqualTo(6);

        feed.refresh(); // nothing new: the views are not touched
        assertThat(publishes[0]).isEqualTo(1);
    }

    @Test
    void goingBackShowsThatMomentAndLiveEventsWaitUntilBackToLive() {
        feed.accept(setup());
        feed.showMoment(2); // just after socket() returned
        assertThat(feed.isLive()).isFalse();
        assertThat(lane.card(Step.SOCKET).status()).isEqualTo(StageStatus.OK);
        assertThat(lane.card(Step.BIND).status()).isEqualTo(StageStatus.WAITING);
        assertThat(lane.currentStageProperty().get()).isEqualTo(Step.SOCKET);

        feed.accept(List.of(ev.started(Step.ACCEPT, "accept", "3, NULL, NULL")));
        assertThat(lane.card(Step.ACCEPT).status()).isEqualTo(StageStatus.WAITING);
        assertThat(liveSeen).hasSize(8);

        feed.backToLive();
        assertThat(feed.isLive()).isTrue();
        assertThat(lane.card(Step.ACCEPT).status()).isEqualTo(StageStatus.ACTIVE);
        assertThat(lane.card(Step.BIND).status()).isEqualTo(StageStatus.OK);
    }

    @Test
    void aRequestedMomentIsShownOnTheNextPulse() {
        feed.accept(setup());
        feed.requestMoment(4);
        assertThat(lane.card(Step.BIND).status()).isEqualTo(StageStatus.OK); // not yet replayed
        assertThat(lane.card(Step.LISTEN).status()).isEqualTo(StageStatus.OK);
        feed.accept(List.of());
        assertThat(lane.card(Step.LISTEN).status()).isEqualTo(StageStatus.WAITING);
        assertThat(feed.momentSeqProperty().get()).isEqualTo(5);
    }

    @Test
    void aFailingSinkDoesNotStopTheOthers() {
        ViewFeed f = new ViewFeed(10);
        f.addSink(new EventSink() {
            @Override
            public void reset() { }

            @Override
            public void apply(ServerEvent event) {
                throw new IllegalStateException("broken pane");
            }
        });
        LaneViewModel other = new LaneViewModel(texts);
        f.addSink(other);
        f.accept(List.of(ev.ok(Step.SOCKET, "socket", "", 3, null)));
        assertThat(other.card(Step.SOCKET).result()).isEqualTo("fd = 3");
    }

    @Test
    void momentAwareSinksAreToldWhichMomentIsShown() {
        List<String> told = new java.util.ArrayList<>();
        class Marker implements EventSink, MomentAware {
            @Override
            public void reset() { }

            @Override
            public void apply(ServerEvent event) { }

            @Override
            public void showMoment(long seq) {
                told.add("moment " + seq);
            }

            @Override
            public void showLive() {
                told.add("live");
            }
        }
        feed.addSink(new Marker());
        feed.accept(setup());
        feed.showMoment(2);
        feed.backToLive();
        assertThat(told).containsExactly("moment 3", "live");
    }

    @Test
    void goingBackPastDroppedEventsStillShowsTheListenerFromPinnedSetupCalls() {
        ViewFeed small = new ViewFeed(5);
        LaneViewModel smallLane = new LaneViewModel(texts);
        small.addSink(smallLane);
        small.accept(setup());
        SockAddrIn peer = SockAddrIn.loopback(50000);
        List<ServerEvent> traffic = new java.util.ArrayList<>();
        traffic.add(ev.ok(Step.ACCEPT, "accept", "", 4, peer));
        for (int i = 0; i < 10; i++) {
            traffic.add(ev.conn(4, peer, Step.RECV, "recv", 3));
        }
        small.accept(traffic);
        assertThat(small.droppedProperty().get()).isEqualTo(13);
        small.showMoment(0);
        assertThat(smallLane.card(Step.LISTEN).status()).isEqualTo(StageStatus.OK);
        assertThat(smallLane.card(Step.SOCKET).result()).isEqualTo("fd = 3");
        assertThat(small.history().pinnedCount()).isEqualTo(7);
    }
}
