package org.socketstage.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise "every event kept, or the loss said out loud", checked on the real process under load, stopped
 * by a real signal: the transcript has every event up to its last record, whatever standard output does, and a
 * full disk is said, leaves whole lines and an exit status of 4 while the server goes on serving.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RecordKeepingProcessTest {

    private static final Duration LOAD_WAIT = Duration.ofSeconds(120);

    @Test
    void sigtermUnderLoadLeavesATranscriptWithoutGapsEndingInItsTotals(@TempDir Path dir) throws Exception {
        try (TraceProcess trace = TraceProcess.start(dir, ProcessBuilder.Redirect.to(dir.resolve("out.txt").toFile()),
                null, "--concurrency", "threaded")) {
            int port = trace.awaitListening();
            int exit;
            try (TraceProcess.EchoClients clients = new TraceProcess.EchoClients(port, 20)) {
                await().atMost(LOAD_WAIT).until(() -> clients.echoes.get() >= 2_000);
                exit = trace.stopWith("TERM"); // mid-load: the clients are still sending
                assertThat(clients.wrongBytes.get()).isZero();
            }
            List<String> lines = Files.readAllLines(trace.transcript);
            String end = lines.get(lines.size() - 1);
            List<String> events = lines.subList(0, lines.size() - 1);
            List<Long> seqs = TraceProcess.seqs(events);
            assertThat(seqs).hasSize(events.size());
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
            assertThat(end).startsWith("{\"type\":\"TranscriptEnd\"")
                    .contains("\"events\":" + seqs.size(), "\"first_seq\":1", "\"last_seq\":" + seqs.size());
            assertThat(events.get(events.size() - 1)).as(trace.stderrText()).contains("\"state\":\"STOPPED\"");
            if (exit == TraceMode.OK) {
                assertThat(end).as(trace.stderrText()).contains("\"lost\":{}", "\"complete\":true");
            } else {
                // only the terminal may have lost lines (a starved file writer for a second): said on stderr
                assertThat(exit).isEqualTo(TraceMode.EVENTS_NOT_PRINTED);
                assertThat(trace.stderrText()).contains("events were not printed");
                assertThat(end).contains("\"stdout\":").doesNotContain("\"transcript\":");
            }
        }
    }

    @Test
    void aStdoutNobodyReadsLosesNothingFromTheTranscriptAndTheLossIsSaid(@TempDir Path dir) throws Exception {
        // a pipe nobody reads, as with `| sleep 600`: it takes about 64 KiB of lines, then blocks for good
        try (TraceProcess trace = TraceProcess.start(dir, ProcessBuilder.Redirect.PIPE, null,
                "--concurrency", "threaded")) {
            int port = trace.awaitListening();
            try (TraceProcess.EchoClients clients = new TraceProcess.EchoClients(port, 10)) {
                // far more events than the pipe takes: the server kept serving with standard output blocked
                await().atMost(LOAD_WAIT).until(() -> trace.transcriptLines() >= 20_000);
            } // the clients stop before the server does, so the transcript stays a size the test can read
            int exit = trace.stopWith("TERM");
            List<String> lines = Files.readAllLines(trace.transcript);
            String end = lines.get(lines.size() - 1);
            List<Long> seqs = TraceProcess.seqs(lines.subList(0, lines.size() - 1));
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
            assertThat(end).startsWith("{\"type\":\"TranscriptEnd\"").contains("\"events\":" + seqs.size(),
                    "\"complete\":false", "\"lost\":{\"stdout\":").doesNotContain("\"transcript\":");
            assertThat(exit).isEqualTo(TraceMode.EVENTS_NOT_PRINTED);
            assertThat(trace.stderrText()).containsPattern("socketstage: \\d+ of \\d+ events were not printed: "
                    + "standard output took nothing for 1 s or more .*\\(the transcript .* has every one\\)");
        }
    }

    @Test
    void aFullDiskIsSaidLeavesWholeLinesAndExits4WhileTheServerGoesOn(@TempDir Path dir) throws Exception {
        // the file-size limit stands in for a full disk: writes past 100 KiB fail (EFBIG) as they would (ENOSPC)
        try (TraceProcess trace = TraceProcess.start(dir, ProcessBuilder.Redirect.DISCARD, "ulimit -f 200",
                "--concurrency", "threaded")) {
            int port = trace.awaitListening();
            int exit;
            try (TraceProcess.EchoClients clients = new TraceProcess.EchoClients(port, 5)) {
                await().atMost(LOAD_WAIT).until(() -> trace.stderrText().contains("could not be written"));
                assertThat(echoOnce(port, "still serving\n")).isEqualTo("still serving\n");
                exit = trace.stopWith("TERM");
            }
            assertThat(exit).isEqualTo(TraceMode.TRANSCRIPT_INCOMPLETE);
            assertThat(trace.stderrText())
                    .contains("socketstage: the transcript " + trace.transcript + " could not be written (")
                    .contains("it ends at its last complete line")
                    .containsPattern("the transcript .* is incomplete: it has \\d+ of \\d+ events");
            String text = Files.readString(trace.transcript, StandardCharsets.UTF_8);
            assertThat(text).endsWith("\n");
            assertThat(Files.size(trace.transcript)).isLessThanOrEqualTo(200 * 512);
            List<String> lines = List.of(text.split("\n"));
            assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("{\"seq\":").endsWith("}"));
            assertThat(TraceProcess.seqs(lines))
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, lines.size()).boxed().toList());
        }
    }

    private static String echoOnce(int port, String line) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            return new String(in.readNBytes(line.length()), StandardCharsets.US_ASCII);
        }
    }
}
