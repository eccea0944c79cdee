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
    void anInterestFollowsTheKindsOfTheOpenListeners() throws Exception {
        EventBus bus = new EventBus();
        EventBus.Interest starts = bus.interest(ServerEvent.CallStarted.class);
        EventBus.Interest states = bus.interest(ServerEvent.StateChanged.class);
        assertThat(starts.any()).as("nobody listens").isFalse();
        try (EventBus.Subscription ends = bus.subscribe("ends", EventTypes.only(ServerEvent.StateChanged.class),
                e -> { }, EventBus.DEFAULT_QUEUE_CAPACITY, EventBus.Delivery.KEEP_ALL)) {
            assertThat(states.any()).isTrue();
            assertThat(starts.any()).isFalse();
            EventBus.Subscription everything = bus.subscribe("window", e -> { });
            assertThat(starts.any()).as("a filter that is no EventTypes takes every kind").isTrue();
            everything.close();
            assertThat(starts.any()).isFalse();
            assertThat(states.any()).isTrue();
        }
        assertThat(states.any()).isFalse();
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

    @Test
    void aKeepAllListenerSlowerThanItsPublishersGetsEveryEventInOrder() throws Exception {
        EventBus bus = new EventBus();
        List<Long> seen = new CopyOnWriteArrayList<>();
        EventBus.Subscription slow = slowKeepAll(bus, seen, 10);
        publishFromFourThreads(bus, 500);
        assertThat(slow.closeAndDrain(java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(seen).hasSize(2000).isSorted().doesNotHaveDuplicates();
        assertThat(seen.get(seen.size() - 1) - seen.get(0)).isEqualTo(1999);
        assertThat(slow.dropped()).isZero();
        assertThat(bus.losses()).isEmpty();
    }

    @org.junit.jupiter.api.RepeatedTest(25) // a race: repeated, it showed lost events (1 in 300 under load) before the fix
    void aSmallRingHoldsPublishersBackForAKeepAllListenerAndBoundsHowFarOthersFall() throws Exception {
        EventBus bus = new EventBus(16);
        CountDownLatch never = new CountDownLatch(1);
        List<Long> seen = new CopyOnWriteArrayList<>();
        EventBus.Subscription stuck = bus.subscribe("stuck", e -> awaitQuietly(never));
        EventBus.Subscription slow = slowKeepAll(bus, seen, EventBus.DEFAULT_QUEUE_CAPACITY);
        try {
            publishFromFourThreads(bus, 500);
            assertThat(slow.closeAndDrain(java.time.Duration.ofSeconds(5))).isTrue();
            assertThat(seen).hasSize(2000).isSorted().doesNotHaveDuplicates();
            // the stuck one holds its first event; of the other 1,999 the ring kept at most 15 for it
            assertThat(stuck.dropped()).isBetween(1999L - 15, 1999L);
        } finally {
            never.countDown();
            stuck.close();
        }
    }

    @Test
    void theBusHoldsNoEventOnceItsRingHasMovedPastIt() {
        EventBus bus = new EventBus(16);
        java.lang.ref.WeakReference<ServerEvent> first = new java.lang.ref.WeakReference<>(notice(bus, "first"));
        for (int i = 0; i < 16; i++) {
            notice(bus, "n" + i);
        }
        await().atMost(java.time.Duration.ofSeconds(5)).until(() -> {
            System.gc();
            return first.get() == null;
        });
    }

    @Test
    void theRingsSizeMustBeAPowerOfTwo() {
        for (int bad : new int[] {0, 1, 3, 1000, -16}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EventBus(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("power of two").hasMessageContaining(String.valueOf(bad));
        }
        assertThat(new EventBus(2)).isNotNull();
    }

    @Test
    void aListenerFilteredByKindGetsEveryEventOfThoseKindsInOrderAndNoOther() throws Exception {
        EventBus bus = new EventBus();
        List<ServerEvent> states = new CopyOnWriteArrayList<>();
        List<ServerEvent> notices = new CopyOnWriteArrayList<>();
        EventBus.Subscription onlyStates = bus.subscribe("states", EventTypes.only(ServerEvent.StateChanged.class),
                states::add, 10, EventBus.Delivery.KEEP_ALL);
        EventBus.Subscription allButStates = bus.subscribe("notices", EventTypes.allBut(ServerEvent.StateChanged.class),
                notices::add, 10, EventBus.Delivery.KEEP_ALL);
        List<Thread> publishers = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread p = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    if (i % 5 == 0) {
                        bus.publish((seq, time) -> new ServerEvent.StateChanged(seq, time, Actor.SERVER,
                                ServerState.RUNNING, "s"));
                    } else {
                        notice(bus, "n" + i);
                    }
                }
            });
            publishers.add(p);
            p.start();
        }
        for (Thread p : publishers) {
            p.join();
        }
        assertThat(onlyStates.closeAndDrain(java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(allButStates.closeAndDrain(java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(states).hasSize(400).allMatch(e -> e instanceof ServerEvent.StateChanged)
                .extracting(ServerEvent::seq).isSorted().doesNotHaveDuplicates();
        assertThat(notices).hasSize(1600).allMatch(e -> e instanceof ServerEvent.Notice)
                .extracting(ServerEvent::seq).isSorted().doesNotHaveDuplicates();
        assertThat(bus.losses()).isEmpty();
        assertThat(EventTypes.only(ServerEvent.Notice.class).test(notices.get(0))).isTrue();
        assertThat(EventTypes.only(ServerEvent.Notice.class).test(states.get(0))).isFalse();
    }

    @Test
    void closingAStuckListenerEndsInABoundedTimeAndCountsWhatItNeverGot() throws Exception {
        EventBus bus = new EventBus();
        CountDownLatch never = new CountDownLatch(1);
        EventBus.Subscription stuck = bus.subscribe("stuck", e -> true, e -> awaitQuietly(never), 100,
                EventBus.Delivery.KEEP_ALL, java.time.Duration.ofMillis(200));
        try {
            for (int i = 0; i < 300; i++) {
                notice(bus, "n" + i); // waits for the stuck listener only until it counts as stalled
            }
            assertThat(stuck.closeAndDrain(java.time.Duration.ofMillis(300))).isFalse();
            assertThat(stuck.dropped()).isGreaterThanOrEqualTo(299);
            assertThat(bus.losses()).containsOnlyKeys("stuck");
        } finally {
            never.countDown();
        }
    }

    @Test
    void aListenersOwnLossesAreCountedWithTheBuses() throws Exception {
        EventBus bus = new EventBus();
        java.util.concurrent.atomic.AtomicLong own = new java.util.concurrent.atomic.AtomicLong();
        EventBus.Subscription s = bus.subscribe("view", e -> own.incrementAndGet());
        s.alsoCountLost(own::get);
        notice(bus, "one");
        notice(bus, "two");
        assertThat(s.drain(2000)).isTrue();
        s.close();
        assertThat(bus.losses()).containsEntry("view", 2L);
    }

    /** A keep-all listener that records the numbers it gets and dozes a millisecond every 50 events. */
    private static EventBus.Subscription slowKeepAll(EventBus bus, List<Long> seen, int capacity) {
        return bus.subscribe("slow", e -> true, e -> {
            seen.add(e.seq());
            if (e.seq() % 50 == 0) {
                sleepQuietly(1);
            }
        }, capacity, EventBus.Delivery.KEEP_ALL);
    }

    /** Four threads publishing {@code each} notices at once; returns when all have. */
    private static void publishFromFourThreads(EventBus bus, int each) throws InterruptedException {
        List<Thread> publishers = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread p = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    notice(bus, "n" + i);
                }
            });
            publishers.add(p);
            p.start();
        }
        for (Thread p : publishers) {
            p.join();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
