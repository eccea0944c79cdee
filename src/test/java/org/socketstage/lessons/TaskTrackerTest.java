package org.socketstage.lessons;

import org.socketstage.event.TestEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.kernel.TcpState;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;

class TaskTrackerTest {

    private static final TestEvents EVENTS = new TestEvents();

    private static TryItTask task(String id, String... goals) throws GoalSyntaxException {
        List<Goal> parsed = new ArrayList<>();
        for (String g : goals) {
            parsed.add(GoalParser.parse(g));
        }
        return new TryItTask(id, id, parsed, null, "do it", 1);
    }

    @Test
    void aTaskIsAchievedByTheEventThatMeetsItsGoalAndTheListenerHearsOnce() throws Exception {
        TaskTracker tracker = new TaskTracker(List.of(task("l/bind-fails", "call bind fails EADDRINUSE"),
                task("l/recv-0", "call recv returns 0")));
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        tracker.addListener((t, by) -> heard.add(t.id() + "@" + by.seq()));

        tracker.accept(EVENTS.ok(Step.BIND, "bind", 0));
        assertThat(tracker.achieved()).isEmpty();

        ServerEvent fail = EVENTS.failedCall(Step.BIND, "bind", "EADDRINUSE");
        tracker.accept(fail);
        tracker.accept(EVENTS.failedCall(Step.BIND, "bind", "EADDRINUSE"));

        assertThat(tracker.isAchieved("l/bind-fails")).isTrue();
        assertThat(tracker.isAchieved("l/recv-0")).isFalse();
        assertThat(tracker.achieved()).containsExactly("l/bind-fails");
        assertThat(heard).containsExactly("l/bind-fails@" + fail.seq());
    }

    @Test
    void allGoalsOfATaskMustBeMetEachByItsOwnEventInAnyOrder() throws Exception {
        TaskTracker tracker = new TaskTracker(List.of(
                task("l/restart", "call bind fails EADDRINUSE", "kernel state TIME_WAIT")));
        tracker.accept(EVENTS.kernelQueue(0, 0, TcpState.TIME_WAIT));
        assertThat(tracker.isAchieved("l/restart")).isFalse();
        tracker.accept(EVENTS.kernelQueue(0, 0));
        tracker.accept(EVENTS.failedCall(Step.BIND, "bind", "EADDRINUSE"));
        assertThat(tracker.isAchieved("l/restart")).isTrue();
    }

    @Test
    void resetForgetsProgressSoATaskCanBeDoneAgain() throws Exception {
        TaskTracker tracker = new TaskTracker(List.of(task("l/two", "count call accept succeeds >= 2"),
                task("l/q", "kernel accept-queue >= 1")));
        tracker.accept(EVENTS.ok(Step.ACCEPT, "accept", 4));
        tracker.accept(EVENTS.kernelQueue(1, 0, TcpState.LISTEN));
        tracker.reset("l/two");
        tracker.accept(EVENTS.ok(Step.ACCEPT, "accept", 5));
        assertThat(tracker.achieved()).containsExactly("l/q");
        tracker.accept(EVENTS.ok(Step.ACCEPT, "accept", 6));
        assertThat(tracker.achieved()).containsExactly("l/two", "l/q");
        tracker.reset();
        assertThat(tracker.achieved()).isEmpty();
    }

    @Test
    void unknownIdsAndDuplicateIdsAreRefusedClearly() throws Exception {
        TryItTask t = task("l/a", "call bind succeeds");
        assertThatThrownBy(() -> new TaskTracker(List.of(t, t))).hasMessageContaining("two tasks have the id l/a");
        assertThatThrownBy(() -> new TaskTracker(List.of(t)).isAchieved("nope"))
                .hasMessageContaining("no task with the id nope");
    }

    @Test
    @Timeout(10)
    void eventsFromManyThreadsAreCountedExactlyAndTheListenerFiresOnce() throws Exception {
        TaskTracker tracker = new TaskTracker(List.of(task("l/many", "count call recv succeeds >= 4000")));
        List<ServerEvent> by = Collections.synchronizedList(new ArrayList<>());
        tracker.addListener((t, e) -> by.add(e));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 4; i++) {
            pool.submit(() -> {
                start.await();
                for (int j = 0; j < 1000; j++) {
                    tracker.accept(EVENTS.ok(Step.RECV, "recv", 1));
                    tracker.achieved();
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(8, TimeUnit.SECONDS)).isTrue();
        assertThat(tracker.isAchieved("l/many")).isTrue();
        assertThat(by).hasSize(1);
    }

    @Test
    void theShippedTasksCanAllBeTracked() {
        TaskTracker tracker = new TaskTracker(LessonLoader.loadBuiltIn().tasks());
        assertThat(tracker.tasks()).isNotEmpty();
        tracker.accept(EVENTS.failedCall(Step.BIND, "bind", "EADDRINUSE"));
        assertThat(tracker.achieved()).contains("reuse-and-time-wait/collide-with-another-listener");
    }
}
