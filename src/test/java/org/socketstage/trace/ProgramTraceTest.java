package org.socketstage.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socketstage.session.Session;
import org.socketstage.tracer.PracticeProgram;
import org.socketstage.tracer.Programs;

/** {@code --no-gui --program -- CMD ARGS}: a student's program traced from the command line. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProgramTraceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final CapturedText out = new CapturedText();
    private final CapturedText err = new CapturedText();

    private static String[] args(List<String> options, PracticeProgram program, int port) {
        List<String> all = new ArrayList<>(List.of("--no-gui", "--program"));
        all.addAll(options);
        all.add("--");
        all.addAll(Programs.command(program, port));
        return all.toArray(String[]::new);
    }

    @Test
    void printsTheProgramsCallsAsStraceLinesWritesTheTranscriptAndStopsOnRequest(@TempDir Path dir) throws Exception {
        int port = Programs.freePort();
        Path transcript = dir.resolve("run.jsonl");
        TraceMode trace = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> trace.run(args(List.of("--port",
                Integer.toString(port), "--transcript", transcript.toString()), PracticeProgram.ECHO, port)));
        await().atMost(WAIT).until(() -> out.text().contains("] listen("));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(5000);
            assertThat(new String(s.getInputStream().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("ping\n");
        }
        await().atMost(WAIT).until(() -> out.text().contains("] close("));
        trace.requestStop();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(TraceMode.OK);

        String text = out.text();
        assertThat(text).containsPattern("\\[pid \\d+ server] socket\\(AF_INET, SOCK_STREAM, IPPROTO_IP\\) = 3")
                .containsPattern("\\[pid \\d+ server] bind\\(3, \\{sa_family=AF_INET, sin_port=htons\\(" + port + "\\)")
                .containsPattern("\\[pid \\d+ conn 4 127\\.0\\.0\\.1:\\d+] recvfrom\\(4, \"ping\\\\n\", 4096, 0, NULL, NULL\\) = 5")
                .containsPattern("\\[pid \\d+ conn 4 127\\.0\\.0\\.1:\\d+] sendto\\(4, \"ping\\\\n\", 5, MSG_NOSIGNAL, NULL, 0\\) = 5")
                .contains("stdout: echo_server: listening on 127.0.0.1:" + port)
                .contains("server STOPPED");
        List<String> lines = Files.readAllLines(transcript);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"type\":\"CallReturned\"", "\"call\":\"recvfrom\"",
                "\"data\":\"ping\\\\n\""));
        assertThat(lines.subList(0, lines.size() - 1)).isNotEmpty()
                .allSatisfy(l -> assertThat(l).startsWith("{\"seq\":"));
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"type\":\"TranscriptEnd\"");
    }

    @Test
    void stepModeMakesEachSocketCallWaitForEnter() throws Exception {
        int port = Programs.freePort();
        PipedOutputStream keys = new PipedOutputStream();
        TraceMode trace = new TraceMode(new PipedInputStream(keys), out.stream, err.stream);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> trace.run(args(List.of("--mode", "step"), PracticeProgram.ECHO, port)));
        await().atMost(WAIT).until(() -> out.text().contains("next: socket(AF_INET, SOCK_STREAM, IPPROTO_IP)"));
        assertThat(out.text()).doesNotContain("] socket(");
        press(keys);
        await().atMost(WAIT).until(() -> out.text().contains("] socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3"));
        await().atMost(WAIT).until(() -> out.text().contains("next: setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4)"));
        press(keys);
        await().atMost(WAIT).until(() -> out.text().contains("next: bind(3, {sa_family=AF_INET"));
        assertThat(out.text()).doesNotContain("] bind(");
        keys.close();
        await().atMost(WAIT).until(() -> out.text().contains("] listen(3, 5) = 0"));
        assertThat(out.text()).contains("standard input ended: going on in live mode");
        trace.requestStop();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(TraceMode.OK);
    }

    private static void press(OutputStream keys) throws Exception {
        keys.write('\n');
        keys.flush();
    }

    @Test
    void anInjectedErrnoIsLabelledAndTheProgramsOwnMessageFollowsTheCall() {
        int port = Programs.freePort();
        int code = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream)
                .run(args(List.of("--inject", "bind=EADDRINUSE"), PracticeProgram.ECHO, port));
        assertThat(code).isEqualTo(TraceMode.SERVER_FAILED);
        String text = out.text();
        assertThat(text).contains("= -1 EADDRINUSE (Address already in use) [injected]");
        assertThat(text.indexOf("[injected]")).isLessThan(text.indexOf("stderr: bind: Address already in use"));
        assertThat(text).contains("the process exited with status 1");
        assertThat(err.text()).contains("the program exited with status 1 before it listened");
    }

    @Test
    void theNthCallCanBeInjectedAndAShortSendIsSentInTwo() throws Exception {
        int port = Programs.freePort();
        TraceMode trace = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> trace.run(args(
                List.of("--inject", "accept=EINTR@2", "--inject", "send=short"), PracticeProgram.ECHO, port)));
        await().atMost(WAIT).until(() -> out.text().contains("] listen("));
        for (int i = 0; i < 2; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.getOutputStream().write("0123456789\n".getBytes(StandardCharsets.US_ASCII));
                s.setSoTimeout(5000);
                assertThat(new String(s.getInputStream().readNBytes(11), StandardCharsets.US_ASCII)).isEqualTo("0123456789\n");
            }
        }
        await().atMost(WAIT).until(() -> out.text().contains("EINTR (Interrupted system call) [injected]"));
        trace.requestStop();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(TraceMode.OK);
        assertThat(out.text()).containsOnlyOnce("[injected]  /* injected by the tracer")
                .contains("sendto(4, \"0123456789\\n\", 11, MSG_NOSIGNAL, NULL, 0) = 5 [injected]")
                .contains("sendto(4, \"56789\\n\", 6, MSG_NOSIGNAL, NULL, 0) = 6");
    }

    @Test
    void aServerOnTheWrongPortIsAnErrorNamingTheSwappedBytes() {
        int port = Programs.freePortWithFreeTwin();
        int code = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream)
                .run(args(List.of("--port", Integer.toString(port)), PracticeProgram.NO_HTONS, port));
        assertThat(code).isEqualTo(TraceMode.SERVER_FAILED);
        int swapped = ((port & 0xff) << 8) | (port >> 8);
        assertThat(err.text()).contains("the program listens on port " + swapped + ", not " + port, "htons()");
        assertThat(Programs.freePort()).isPositive();
    }

    @Test
    void aProgramThatNeverListensIsStoppedAfterTheListenTimeout() {
        int code = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream)
                .run("--no-gui", "--program", "--listen-timeout", "1", "--", "/bin/sleep", "37.5");
        assertThat(code).isEqualTo(TraceMode.SERVER_FAILED);
        assertThat(err.text()).contains("the program never listens: no successful listen() within 1 s");
        assertThat(out.text()).contains("killed by SIGTERM");
    }

    @Test
    void aCommandThatIsNotThereExitsOne(@TempDir Path dir) {
        // the session's log goes to the terminal's standard error: a mistyped name, already said once, is no warning
        Logger sessionLog = Logger.getLogger(Session.class.getName());
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler catcher = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        sessionLog.addHandler(catcher);
        try {
            int code = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream)
                    .run("--no-gui", "--program", "--dir", dir.toString(), "--", "./server", "9090");
            assertThat(code).isEqualTo(TraceMode.SERVER_FAILED);
            assertThat(err.text()).containsOnlyOnce("command not found: ./server");
            assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
        } finally {
            sessionLog.removeHandler(catcher);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--no-gui --program|--program: give the program to trace after --",
        "--no-gui --program --mode fast -- ./s|--mode: must be live, run or step (got \"fast\")",
        "--no-gui --program --inject bind -- ./s|--inject: expected CALL=ERRNO[@N]",
        "--no-gui --program --inject bnid=EADDRINUSE -- ./s|--inject: unknown call \"bnid\"",
        "--no-gui --program --inject bind=EADDRINUSED -- ./s|--inject: unknown errno \"EADDRINUSED\"",
        "--no-gui --program --inject accept=short -- ./s|\"short\" applies to send, sendto or write",
        "--no-gui --program --inject bind=EINTR@0 -- ./s|the number after @ must be 1 or more",
        "--no-gui --program --port 70000 -- ./s|--port: the port the program should listen on, 1 to 65535",
        "--no-gui --program --source /no/such/file.c -- ./s|--source: cannot read /no/such/file.c",
        "--no-gui --program --bogus -- ./s|Unknown option: '--bogus'",
    })
    void badOptionsExitTwoNamingTheOption(String args, String message) {
        int code = new TraceMode(InputStream.nullInputStream(), out.stream, err.stream).run(args.split(" "));
        assertThat(code).isEqualTo(TraceMode.BAD_OPTIONS);
        assertThat(err.text()).contains(message);
    }
}
