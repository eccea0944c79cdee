package org.socketstage.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EventBusTest {

    private static ServerEvent notice(EventBus bus, String text) {
        return bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, Actor.SERVER, text));
    }

    @Test
    void eventsAreNumberedInOrderAndDeliveredToEverySubscriber() throws Exception {
        EventBus bus = new EventBus();
        List<ServerEvent> a = new CopyOnWriteArrayList<>();
        List<ServerEvent> b = new CopyOnWriteArrayList<>();
        try (EventBus.Subscription sa = bus.subscribe("a", a::add); EventBus.Subscription sb = bus.subscribe("b", b::add)) {
            for (int i = 0; i < 100; i++) {
                notice(bus, "n" + i);
            }
            assertThat(sa.drain(2000)).isTrue();
            assertThat(sb.drain(2000)).isTrue();
        }
        assertThat(a).extracting(ServerEvent::seq).isSorted().hasSize(100).doesNotHaveDuplicates();
        assertThat(b).isEqualTo(a);
    }

    @Test
    void aStuckListenerNeverBlocksThePublisherAndOnlyItMissesEvents() throws Exception {
        EventBus bus = new EventBus();
        CountDownLatch never = new CountDownLatch(1);
        List<ServerEvent> healthy = new CopyOnWriteArrayList<>();
        try (EventBus.Subscription stuck = bus.subscribe("stuck", e -> awaitQuietly(never), 10);
                EventBus.Subscription ok = bus.subscribe("ok", healthy::add)) {
            for (int i = 0; i < 1000; i++) {
                notice(bus, "n" + i);
            }
            await().until(() -> healthy.size() == 1000);
            assertThat(stuck.dropped()).isGreaterThan(900);
            assertThat(ok.dropped()).isZero();
        } finally {
            never.countDown();
        }
    }

    @Test
    void aThrowingListenerKeepsReceivingLaterEvents() throws Exception {
        EventBus bus = new EventBus();
        List<ServerEvent> seen = new CopyOnWriteArrayList<>();
        try (EventBus.Subscription s = bus.subscribe("throws", e -> {
            seen.add(e);
            throw new IllegalStateException("listener bug");
        })) {
            notice(bus, "one");
            notice(bus, "two");
            assertThat(s.drain(2000)).isTrue();
        }
        assertThat(seen).hasSize(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
