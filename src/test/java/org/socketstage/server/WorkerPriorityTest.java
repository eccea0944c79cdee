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

    /** Field 19 of /proc/thread-self/stat, counted after the command name in parentheses. */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(after[16]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
