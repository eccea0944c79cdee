package org.socketstage.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class KernelWatcherTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final List<KernelSnapshot> reports = new CopyOnWriteArrayList<>();

    @Test
    void reportsRealQueueChangesAndTheBacklogOnceKnown() throws IOException {
        LiveKernel.assumeAvailable();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
             KernelWatcher watcher = new KernelWatcher(KernelTcpTable.system(), server.getLocalPort(), reports::add)) {
            watcher.setInterval(Duration.ofMillis(20));
            watcher.start();
            await().atMost(PATIENCE).until(() -> lastQueue() == 0);
            assertThat(watcher.current().effectiveLimit()).as("backlog not known yet").isEmpty();

            try (Socket client = new Socket("127.0.0.1", server.getLocalPort())) {
                await().atMost(PATIENCE).until(() -> lastQueue() == 1);
                assertThat(watcher.current()).isEqualTo(reports.get(reports.size() - 1));
                assertThat(watcher.current().rowsIn(TcpState.ESTABLISHED))
                        .anySatisfy(r -> assertThat(r.localPort()).isEqualTo(client.getLocalPort()));

                watcher.setBacklog(2);
                KernelSnapshot withLimit = await().atMost(PATIENCE)
                        .until(this::last, s -> s.effectiveLimit().isPresent());
                assertThat(withLimit.effectiveLimit()).hasValue(Math.min(2, withLimit.somaxconn().getAsInt()));
            }
        }
    }

    @Test
    void whileOnlyAnIdleListenerIsThereItLooksAtTheListenersAloneAndStillSeesEachChange() throws IOException {
        LiveKernel.assumeAvailable();
        KernelTcpTable table = KernelTcpTable.system();
        org.junit.jupiter.api.Assumptions.assumeTrue(table.asksKernel(), "needs sock_diag (netlink) to be allowed");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
             KernelWatcher watcher = new KernelWatcher(table, server.getLocalPort(), reports::add)) {
            watcher.setInterval(Duration.ofMillis(20));
            watcher.start();
            await().atMost(PATIENCE).until(() -> lastQueue() == 0);
            long wholeAtRest = watcher.wholeReads();
            // 25 looks at 20 ms; within QUIET_READ none of them may read the whole table
            await().pollDelay(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> true);
            assertThat(watcher.wholeReads()).isEqualTo(wholeAtRest);
            assertThat(reports).hasSize(1);

            // no pollNow(): the listener's queue moving is what the cheap look must notice
            try (Socket client = new Socket("127.0.0.1", server.getLocalPort())) {
                await().atMost(PATIENCE).until(() -> lastQueue() == 1);
                assertThat(last().rowsIn(TcpState.ESTABLISHED)).hasSize(2);
                try (Socket accepted = server.accept()) {
                    // the queue is empty again but connections are there: every look reads the whole table
                    KernelSnapshot afterAccept = await().atMost(PATIENCE)
                            .until(this::last, s -> s.acceptQueue().orElse(-1) == 0);
                    assertThat(afterAccept.rowsIn(TcpState.ESTABLISHED)).hasSize(2);
                    assertThat(accepted.getPort()).isEqualTo(client.getLocalPort());
                }
            }
        }
    }

    @Test
    void reportsOnlyWhenTheSnapshotChanges(@TempDir Path root) throws IOException {
        Path tcp = copyTimeWaitFixture(root);
        try (KernelWatcher watcher = watch(root, 44511, reports::add)) {
            await().atMost(PATIENCE).until(() -> reports.size() == 1);
            // many polls happen in this window; none of them may be reported again
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> reports.size() == 1);
            assertThat(reports.get(0).rowsIn(TcpState.TIME_WAIT)).hasSize(1);

            // write beside it and move in one step: the watcher must never read a half-written table
            Path next = tcp.resolveSibling("tcp.next");
            Files.writeString(next, Files.readString(tcp).lines()
                    .filter(line -> !line.contains(" 06 ")).reduce("", (a, b) -> a + b + "\n"));
            Files.move(next, tcp, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            await().atMost(PATIENCE).until(() -> reports.size() == 2);
            assertThat(reports.get(1).rowsIn(TcpState.TIME_WAIT)).isEmpty();
            assertThat(watcher.current()).isEqualTo(reports.get(1));
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheWatch(@TempDir Path root) throws IOException {
        copyTimeWaitFixture(root);
        Files.createDirectories(root.resolve("proc/sys/net/core"));
        Files.copy(Fixtures.root("time-wait").resolve("proc/sys/net/core/somaxconn"),
                root.resolve("proc/sys/net/core/somaxconn"));
        try (KernelWatcher watcher = watch(root, 44511, snapshot -> {
            reports.add(snapshot);
            if (reports.size() == 1) {
                throw new IllegalStateException("listener bug");
            }
        })) {
            await().atMost(PATIENCE).until(() -> reports.size() == 1);
            watcher.setBacklog(3);
            await().atMost(PATIENCE).until(() -> reports.size() == 2);
            assertThat(reports.get(1).effectiveLimit()).hasValue(3);
            assertThat(watcher.isRunning()).isTrue();
        }
    }

    @Test
    void closeStopsTheThreadPromptlyEvenMidInterval(@TempDir Path root) throws IOException {
        copyTimeWaitFixture(root);
        KernelWatcher watcher = watch(root, 44511, reports::add);
        // an hour between looks: a close() that waited for the thread's next look could not return within the bound
        watcher.setInterval(Duration.ofHours(1));
        await().atMost(PATIENCE).until(() -> reports.size() == 1);
        long threadsBefore = threadsNamed(KernelWatcher.THREAD_NAME);
        assertThat(threadsBefore).isPositive();

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), watcher::close,
                "close() waited for the watcher's next look instead of waking it");

        assertThat(watcher.isRunning()).isFalse();
        assertThat(threadsNamed(KernelWatcher.THREAD_NAME)).as("its thread has ended").isEqualTo(threadsBefore - 1);
    }

    @Test
    void theListenerMayCloseItsOwnWatcher(@TempDir Path root) throws IOException {
        copyTimeWaitFixture(root);
        AtomicReference<KernelWatcher> self = new AtomicReference<>();
        KernelWatcher watcher = new KernelWatcher(new KernelTcpTable(root, ByteOrder.LITTLE_ENDIAN), 44511,
                snapshot -> {
                    reports.add(snapshot);
                    self.get().close();
                });
        self.set(watcher);
        watcher.start();

        await().atMost(PATIENCE).until(() -> !watcher.isRunning());
        assertThat(reports).hasSize(1);
    }

    @Test
    void missingProcIsReportedOnceAsUnavailable(@TempDir Path root) {
        try (KernelWatcher watcher = watch(root, 9090, reports::add)) {
            await().atMost(PATIENCE).until(() -> reports.size() == 1);
            assertThat(watcher.current().available()).isFalse();
            assertThat(watcher.current().unavailableReason()).contains("/proc/net/tcp not found");
        }
    }

    @Test
    void badSettingsAreRefusedWithTheRule(@TempDir Path root) {
        KernelTcpTable table = new KernelTcpTable(root);
        assertThatThrownBy(() -> new KernelWatcher(table, 0, reports::add)).hasMessageContaining("1-65535");
        try (KernelWatcher watcher = new KernelWatcher(table, 9090, reports::add)) {
            assertThatThrownBy(() -> watcher.setInterval(Duration.ofMillis(1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 10 ms");
            watcher.start();
            assertThatThrownBy(watcher::start).isInstanceOf(IllegalStateException.class);
        }
    }

    private KernelWatcher watch(Path root, int port, java.util.function.Consumer<KernelSnapshot> listener) {
        KernelWatcher watcher = new KernelWatcher(new KernelTcpTable(root, ByteOrder.LITTLE_ENDIAN), port, listener);
        watcher.setInterval(Duration.ofMillis(10));
        return watcher.start();
    }

    private static Path copyTimeWaitFixture(Path root) throws IOException {
        Path net = Files.createDirectories(root.resolve("proc/net"));
        Path tcp = net.resolve("tcp");
        Files.copy(Fixtures.root("time-wait").resolve("proc/net/tcp"), tcp, StandardCopyOption.REPLACE_EXISTING);
        return tcp;
    }

    private KernelSnapshot last() {
        return reports.isEmpty() ? KernelSnapshot.unavailable(1, "none yet") : reports.get(reports.size() - 1);
    }

    private int lastQueue() {
        return last().acceptQueue().orElse(-1);
    }

    private static long threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).count();
    }
}
