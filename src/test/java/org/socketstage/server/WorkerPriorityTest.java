package org.socketstage.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The window's server threads give way to its FX thread: the kernel's own nice value for the thread says so. */
class WorkerPriorityTest {

    @AfterEach
    void back() {
        WorkerPriority.set(0);
    }

    @Test
    void aServerThreadRunsThatMuchNicerThanTheRestOfTheProcess() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")), "Linux's /proc shows a thread's nice value");
        int before = CompletableFuture.supplyAsync(WorkerPriorityTest::niceOfThisThread).get(10, TimeUnit.SECONDS);
        WorkerPriority.set(10);
        CompletableFuture<Integer> lowered = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            WorkerPriority.applyToCurrentThread();
            lowered.complete(niceOfThisThread());
        });
        t.start();
        assertThat(lowered.get(10, TimeUnit.SECONDS)).isEqualTo(Math.min(19, before + 10));
        assertThat(niceOfThisThread()).as("only that thread").isEqualTo(before);
    }

    @Test
    void atZeroNothingChangesAndOnlyZeroToNineteenIsAccepted() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")));
        int before = niceOfThisThread();
        CompletableFuture<Integer> same = new CompletableFuture<>();
        new Thread(() -> {
            WorkerPriority.applyToCurrentThread();
            same.complete(niceOfThisThread());
        }).start();
        assertThat(same.get(10, TimeUnit.SECONDS)).isEqualTo(before);
        assertThatThrownBy(() -> WorkerPriority.set(-1)).hasMessageContaining("0 to 19");
        assertThatThrownBy(() -> WorkerPriority.set(20)).hasMessageContaining("0 to 19");
    }

    @Test
    void theSpoolsThreadGivesWayLikeTheServersThreads() throws Exception {
        // the server waits for the spool when it falls behind (no event dropped): left at the FX thread's
        // priority, it was the one busy thread under a flood that the window yielded to
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")));
        int before = niceOfThisThread();
        WorkerPriority.set(10);
        CompletableFuture<Integer> spoolNice = new CompletableFuture<>();
        org.socketstage.event.EventBus bus = new org.socketstage.event.EventBus();
        try (org.socketstage.record.EventSpool spool = new org.socketstage.record.EventSpool(e -> {
            spoolNice.complete(niceOfThisThread()); // runs on the spool's own thread
            return "{}";
        }, e -> null).listenTo(bus)) {
            bus.publish((seq, time) -> new org.socketstage.event.ServerEvent.Notice(seq, time,
                    org.socketstage.event.Actor.SERVER, "one"));
            assertThat(spoolNice.get(10, TimeUnit.SECONDS)).isEqualTo(Math.min(19, before + 10));
        }
        assertThat(niceOfThisThread()).isEqualTo(before);
    }

    @Test
    void aServerThreadAlsoRunsInTheIdleClassAndTheSpoolDoesNot() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")));
        int before = niceOfThisThread();
        assertThat(policyOfThisThread()).as("the test's own thread").isEqualTo(SCHED_OTHER);
        WorkerPriority.set(10);
        CompletableFuture<int[]> server = new CompletableFuture<>();
        CompletableFuture<Integer> inherited = new CompletableFuture<>();
        new Thread(() -> {
            WorkerPriority.applyToServerThread();
            server.complete(new int[] {niceOfThisThread(), policyOfThisThread()});
            Thread child = new Thread(() -> inherited.complete(policyOfThisThread())); // as a client's thread
            child.start();
        }).start();
        assertThat(server.get(10, TimeUnit.SECONDS)).containsExactly(Math.min(19, before + 10), SCHED_IDLE);
        assertThat(inherited.get(10, TimeUnit.SECONDS)).as("a thread the server starts").isEqualTo(SCHED_IDLE);
        CompletableFuture<Integer> spool = new CompletableFuture<>();
        new Thread(() -> {
            WorkerPriority.applyToCurrentThread();
            spool.complete(policyOfThisThread());
        }).start();
        assertThat(spool.get(10, TimeUnit.SECONDS)).as("niced only").isEqualTo(SCHED_OTHER);
        assertThat(policyOfThisThread()).isEqualTo(SCHED_OTHER);
    }

    @Test
    void atZeroAServerThreadStaysInTheNormalClass() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/thread-self/stat")));
        CompletableFuture<Integer> policy = new CompletableFuture<>();
        new Thread(() -> {
            WorkerPriority.applyToServerThread();
            policy.complete(policyOfThisThread());
        }).start();
        assertThat(policy.get(10, TimeUnit.SECONDS)).as("the trace mode's server").isEqualTo(SCHED_OTHER);
    }

    private static final int SCHED_OTHER = 0;
    private static final int SCHED_IDLE = 5;

    /** Field 19 of /proc/thread-self/stat, counted after the command name in parentheses. */
    private static int niceOfThisThread() {
        return statField(19);
    }

    /** Field 41: the scheduling policy (0 SCHED_OTHER, 5 SCHED_IDLE). */
    private static int policyOfThisThread() {
        return statField(41);
    }

    private static int statField(int field) {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(after[field - 3]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
