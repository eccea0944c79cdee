package org.socketstage.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A classroom cannot lock the server, checked on the real process: students who connect and walk away are
 * closed by the idle timeout so the next student is served, and the connection limit holds while clients
 * connect and close as fast as they can.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ClassroomLimitsProcessTest {

    @Test
    void sixtyFourIdleConnectionsDoNotKeepTheSixtyFifthClientOut(@TempDir Path dir) throws Exception {
        int idleSeconds = 3;
        try (TraceProcess trace = TraceProcess.start(dir, ProcessBuilder.Redirect.to(dir.resolve("out.txt").toFile()),
                null, "--concurrency", "threaded", "--max-connections", "64",
                "--idle-timeout", Integer.toString(idleSeconds))) {
            int port = trace.awaitListening();
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 64; i++) {
                    idle.add(new Socket(InetAddress.getLoopbackAddress(), port));
                }
                // every place is taken by someone who sends nothing
                await().atMost(Duration.ofSeconds(60)).until(() -> accepted(trace) >= 64);

                try (Socket latecomer = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    latecomer.setSoTimeout(60_000); // catches a hang only; the idle timeout is 3 s
                    latecomer.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
                    assertThat(new String(latecomer.getInputStream().readNBytes(6), StandardCharsets.US_ASCII))
                            .isEqualTo("hello\n");
                }
                for (Socket s : idle) {
                    s.setSoTimeout(60_000);
                    assertThat(s.getInputStream().read()).as("the server closed the idle connection").isEqualTo(-1);
                }
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
            assertThat(trace.stopWith("TERM")).isZero();
            String out = Files.readString(dir.resolve("out.txt"));
            assertThat(out).contains("--- no data from this client for 3 s, the idle timeout: the server closes the"
                    + " connection so an absent client does not keep its place");
            assertThat(out).contains("64 connections are open (the limit): new clients wait in the accept queue");
        }
    }

    @Test
    void theConnectionLimitHoldsWhileClientsConnectAndCloseAsFastAsTheyCan(@TempDir Path dir) throws Exception {
        int cycles = 150;
        try (TraceProcess trace = TraceProcess.start(dir, ProcessBuilder.Redirect.DISCARD, null,
                "--concurrency", "threaded", "--max-connections", "2")) {
            int port = trace.awaitListening();
            ExecutorService clients = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int c = 0; c < 6; c++) {
                    done.add(clients.submit(() -> churn(port, cycles)));
                }
                for (Future<Integer> f : done) {
                    assertThat(f.get(180, TimeUnit.SECONDS)).isEqualTo(cycles);
                }
            } finally {
                clients.shutdownNow();
            }
            assertThat(trace.stopWith("TERM")).isZero();
            // in publishing order: accept() returning opens a place, close(client) returning frees it
            int open = 0;
            int most = 0;
            int accepts = 0;
            for (String line : Files.readAllLines(trace.transcript)) {
                if (!line.contains("\"type\":\"CallReturned\"") || line.contains("\"errno\"")) {
                    continue;
                }
                if (line.contains("\"stage\":\"ACCEPT\"")) {
                    open++;
                    accepts++;
                    most = Math.max(most, open);
                } else if (line.contains("\"stage\":\"CLOSE_CLIENT\"")) {
                    open--;
                }
            }
            assertThat(accepts).isEqualTo(6 * cycles);
            assertThat(most).isEqualTo(2);
            assertThat(open).isZero();
        }
    }

    /** Connects, echoes one line, closes; again and again. Returns how many cycles were echoed. */
    private static int churn(int port, int cycles) throws IOException {
        byte[] line = "x\n".getBytes(StandardCharsets.US_ASCII);
        int echoed = 0;
        for (int i = 0; i < cycles; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(60_000);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                out.write(line);
                if (in.readNBytes(line.length).length == line.length) {
                    echoed++;
                }
            }
        }
        return echoed;
    }

    private static long accepted(TraceProcess trace) throws IOException {
        return trace.completeLines().stream()
                .filter(l -> l.contains("\"type\":\"CallReturned\"") && l.contains("\"stage\":\"ACCEPT\""))
                .count();
    }
}
