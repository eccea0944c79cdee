package org.socketstage.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.kernel.KernelTcpTable;

/**
 * The "let them in" wait over a captured /proc/net/tcp that the test rewrites each time the watch tells the
 * instructor what it waits for: so each round of retries sees the table the test chose, whatever the clock.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SynRetryWatchTest {

    /** Port 0x1F90: a listener with backlog 1; clients 0xAE42, 0xAE4A, 0xAE58 knock on it. */
    private static final int PORT = 8080;
    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
            + "timeout inode\n";
    private static final String LISTENER = "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000002 00:00000000 00000000  "
            + "1000        0 4711 1 0000000000000000 100 0 0 10 0\n";
    private static final Duration MARGIN = Duration.ofMillis(100);

    @TempDir
    Path root;

    private final List<String> said = new ArrayList<>();

    @Test
    void aRetryThatFindsTheQueueFullAgainIsWaitedForTooUntilEveryClientIsIn() throws Exception {
        List<String> tables = List.of(
                table(synSent(0xAE42, 20, 9), synSent(0xAE4A, 20, 9), synSent(0xAE58, 20, 9)),
                // two got in at that retry; the third knocked while the queue was full and waits, its timer doubled
                table(established(0xAE42), established(0xAE4A), synSent(0xAE58, 30, 10)),
                table(established(0xAE42), established(0xAE4A), established(0xAE58)));
        write(tables.get(0));
        SynRetryWatch watch = watch(Duration.ofSeconds(20));

        SynRetryWatch.Result r = watch.await(PORT, 0, line -> {
            said.add(line);
            write(tables.get(Math.min(said.size(), tables.size() - 1)));
        });

        assertThat(r.waiting()).isZero();
        assertThat(r.retries()).isEqualTo(2);
        assertThat(said).hasSize(2);
        assertThat(said.get(0)).contains("within 1 s");
        assertThat(said.get(1)).startsWith("1 client(s) still in SYN_SENT").contains("full again").contains("doubled");
    }

    @Test
    void aClientThatNeverGetsInEndsTheWaitAtTheBound() throws Exception {
        write(table(synSent(0xAE42, 20, 9)));

        SynRetryWatch.Result r = watch(Duration.ofSeconds(3)).await(PORT, 0, said::add);

        assertThat(r.waiting()).isEqualTo(1);
        // each round lasts at least its timer (0.2 s) plus the margin (0.1 s): within 3 s, ten rounds at most
        assertThat(r.retries()).isBetween(2, 10);
        assertThat(said).hasSize(r.retries());
    }

    @Test
    void withoutTimersToReadItWaitsTheLongestGapOnceAndDoesNotGoRound() throws Exception {
        // a SYN_SENT row with no retransmit timer running (the "tr" field 00): nothing says a retry will come
        write(table("   1: 0100007F:AE42 0100007F:1F90 02 00000001:00000000 00:00000000 00000009  1000        0 0 2 "
                + "0000000000000000 100 0 0 10 -1\n"));

        SynRetryWatch.Result r = watch(Duration.ofSeconds(20)).await(PORT, 0, said::add);

        assertThat(r.waiting()).isEqualTo(1);
        assertThat(r.retries()).isEqualTo(1);
        assertThat(said).singleElement().asString().contains("within 1 s");
    }

    @Test
    void theIterativeServersTargetLetsOneClientStayOutside() throws Exception {
        write(table(established(0xAE42), synSent(0xAE4A, 20, 9)));

        SynRetryWatch.Result r = watch(Duration.ofSeconds(20)).await(PORT, 1, said::add);

        assertThat(r.waiting()).isEqualTo(1);
        assertThat(r.retries()).isEqualTo(1);
    }

    private SynRetryWatch watch(Duration atMost) {
        return new SynRetryWatch(new KernelProbe(new KernelTcpTable(root)), new SynRetransmits(root), MARGIN,
                Duration.ofMillis(300), atMost);
    }

    private static String table(String... rows) {
        return HEADER + LISTENER + String.join("", rows);
    }

    private static String synSent(int clientPort, int timerTicks, int retransmits) {
        return String.format("   1: 0100007F:%04X 0100007F:1F90 02 00000001:00000000 01:%08X %08X  1000        0 0 2 "
                + "0000000000000000 100 0 0 10 -1\n", clientPort, timerTicks, retransmits);
    }

    private static String established(int clientPort) {
        return String.format("   2: 0100007F:%04X 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  1000        0 "
                + "4712 1 0000000000000000 20 4 30 10 -1\n", clientPort);
    }

    private void write(String tcp) {
        try {
            Files.createDirectories(root.resolve("proc/net"));
            Files.writeString(root.resolve("proc/net/tcp"), tcp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
