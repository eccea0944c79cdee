package org.socketstage.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TraceModeTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Pattern CHOSEN_PORT = Pattern.compile("getsockname\\(\\d+, \\{[^}]*sin_port=htons\\((\\d+)\\)");

    private final CapturedText out = new CapturedText();
    private final CapturedText err = new CapturedText();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port|abc|--port: port must be a number from 0 to 65535 (got \"abc\")",
        "--port|70000|--port: port must be a number from 0 to 65535",
        "--backlog|0|--backlog: backlog must be a whole number of at least 1",
        "--bind|no-such-host.invalid|--bind: address must be an IPv4 address",
        "--concurrency|forked|--concurrency: must be iterative or threaded (got \"forked\")",
        "--mode|fast|--mode: must be live, run or step (got \"fast\")",
        "--delay|-5|--delay: must be a whole number of milliseconds",
        "--max-connections|0|--max-connections: must be a whole number from 1 to 1024",
        "--recv-buffer|lots|--recv-buffer: must be a whole number of bytes from 1 to 1048576",
        "--idle-timeout|-1|--idle-timeout: must be a whole number of seconds from 0 (never) to 86400 (got \"-1\")",
        "--backend|winsock|--backend: must be native or jdk (got \"winsock\")",
    })
    void aBadOptionExitsWith2AndSaysWhatIsAccepted(String option, String value, String message) {
        int code = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream).run("--no-gui", option, value);
        assertThat(code).isEqualTo(TraceMode.BAD_OPTIONS);
        assertThat(err.text()).contains(message);
    }

    @Test
    void anUnknownOptionIsNamedAndTheAcceptedOnesListed() {
        int code = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream).run("--no-gui", "--frobnicate");
        assertThat(code).isEqualTo(TraceMode.BAD_OPTIONS);
        assertThat(err.text()).contains("Unknown option: '--frobnicate'").contains("--backlog").contains("--transcript");
    }

    @Test
    void anUnwritableTranscriptIsABadOption(@TempDir Path dir) {
        int code = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream)
                .run("--no-gui", "--port", "0", "--transcript", dir.resolve("missing/dir/t.jsonl").toString());
        assertThat(code).isEqualTo(TraceMode.BAD_OPTIONS);
        assertThat(err.text()).contains("--transcript: the folder ").contains("missing/dir does not exist");
    }

    @Test
    void anEmptyOrFolderTranscriptNameSaysWhatIsWrong(@TempDir Path dir) {
        int code = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream)
                .run("--no-gui", "--port", "0", "--transcript", "");
        assertThat(code).isEqualTo(TraceMode.BAD_OPTIONS);
        assertThat(err.text()).contains("--transcript: needs a file name (got nothing)");
        code = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream)
                .run("--no-gui", "--port", "0", "--transcript", dir.toString());
        assertThat(code).isEqualTo(TraceMode.BAD_OPTIONS);
        assertThat(err.text()).contains("is a folder; give a file name inside it");
    }

    @Test
    void printsOneStraceLinePerCallAndWritesTheTranscript(@TempDir Path dir) throws Exception {
        Path transcript = dir.resolve("run.jsonl");
        TraceMode trace = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> trace.run("--no-gui", "--port", "0", "--transcript", transcript.toString()));
        int port = awaitChosenPort();
        await().atMost(WAIT).until(() -> out.text().contains("] accept(") || out.text().contains("[server] listen("));

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(5000);
            client.getOutputStream().write("hi\0\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(client.getInputStream().readNBytes(4)).containsExactly('h', 'i', 0, '\n');
            String conn = "[conn ";
            await().atMost(WAIT).until(() -> out.text().contains("\"hi\\x00\\n\", 4096, 0) = 4"));
            assertThat(out.text()).contains(conn).contains(" 127.0.0.1:" + client.getLocalPort() + "] recv(");
        }
        trace.requestStop();
        assertThat(exit.get(5, TimeUnit.SECONDS)).isEqualTo(TraceMode.OK);

        String text = out.text();
        assertThat(text).containsPattern("\\[server\\] socket\\(AF_INET, SOCK_STREAM, 0\\) = \\d+");
        assertThat(text).containsPattern("\\[server\\] setsockopt\\(\\d+, SOL_SOCKET, SO_REUSEADDR, \\[1\\], 4\\) = 0");
        assertThat(text).containsPattern("\\[server\\] bind\\(\\d+, \\{sa_family=AF_INET, sin_port=htons\\(0\\), sin_addr=inet_addr\\(\"127.0.0.1\"\\)\\}, 16\\) = 0");
        assertThat(text).containsPattern("\\[server\\] listen\\(\\d+, 5\\) = 0");
        assertThat(text).containsPattern("\\[kernel\\] LISTEN 127.0.0.1:" + port + " accept-queue=\\d+ limit=5");
        assertThat(text).containsPattern("\\[server\\] close\\(\\d+\\) = 0");

        List<String> lines = Files.readAllLines(transcript);
        assertThat(lines.subList(0, lines.size() - 1)).isNotEmpty()
                .allSatisfy(l -> assertThat(l).startsWith("{\"seq\":").endsWith("}"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"CallStarted\"").contains("\"stage\":\"SOCKET\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"CallReturned\"").contains("\"data\":\"hi\\\\x00\\\\n\""));
        assertThat(lines.get(lines.size() - 2)).contains("\"state\":\"STOPPED\"");
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"type\":\"TranscriptEnd\"")
                .contains("\"events\":" + (lines.size() - 1)).contains("\"complete\":true");
    }

    @Test
    void aFailedBindPrintsTheErrorAndExitsWith1() throws Exception {
        try (ServerSocket holder = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int code = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream)
                    .run("--no-gui", "--port", Integer.toString(holder.getLocalPort()));
            assertThat(code).isEqualTo(TraceMode.SERVER_FAILED);
            assertThat(out.text()).containsPattern("\\[server\\] bind\\(\\d+, .*\\) = -1 EADDRINUSE \\(Address already in use\\)");
            assertThat(out.text()).contains("--- server FAILED: bind failed: EADDRINUSE");
        }
    }

    @Test
    void inStepModeEachEnterMakesTheNextCall() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys);
        TraceMode trace = new TraceMode(in, out.stream, err.stream);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> trace.run("--no-gui", "--port", "0", "--mode", "step"));
        await().atMost(WAIT).until(() -> out.text().contains("next: socket(AF_INET, SOCK_STREAM, 0)"));
        assertThat(out.text()).doesNotContain("] socket(AF_INET");
        enter(keys);
        await().atMost(WAIT).until(() -> out.text().contains("[server] socket(AF_INET, SOCK_STREAM, 0) = "));
        await().atMost(WAIT).until(() -> out.text().contains("next: setsockopt("));
        assertThat(out.text()).doesNotContain("[server] setsockopt(");
        enter(keys);
        await().atMost(WAIT).until(() -> out.text().contains("[server] setsockopt("));
        trace.requestStop();
        assertThat(exit.get(5, TimeUnit.SECONDS)).isEqualTo(TraceMode.OK);
        keys.close();
    }

    @Test
    void helpPrintsTheOptions() {
        int code = new TraceMode(new ByteArrayInputStream(new byte[0]), out.stream, err.stream).run("--no-gui", "--help");
        assertThat(code).isEqualTo(TraceMode.OK);
        assertThat(out.text()).contains("--port").contains("--backend").contains("--no-reuseaddr");
    }

    private static void enter(OutputStream keys) throws IOException {
        keys.write('\n');
        keys.flush();
    }

    private int awaitChosenPort() {
        await().atMost(WAIT).until(() -> CHOSEN_PORT.matcher(out.text()).find());
        Matcher m = CHOSEN_PORT.matcher(out.text());
        m.find();
        return Integer.parseInt(m.group(1));
    }
}
