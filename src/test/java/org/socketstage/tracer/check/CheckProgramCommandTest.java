package org.socketstage.tracer.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.socketstage.trace.CapturedText;
import org.socketstage.tracer.PracticeProgram;
import org.socketstage.tracer.Programs;

/** {@code --check-program} on the command line: the report as text and JSON, and the exit codes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckProgramCommandTest {

    private final CapturedText out = new CapturedText();
    private final CapturedText err = new CapturedText();

    private int run(String... args) {
        return CheckProgramCommand.run(args, out.stream, err.stream);
    }

    @Test
    void theCorrectEchoServerPassesEveryCheckExitsZeroAndWritesTheJsonReport(@TempDir Path dir) throws IOException {
        int port = Programs.freePort();
        Path report = dir.resolve("report.json");
        List<String> args = new ArrayList<>(List.of("--check-program", "--port", Integer.toString(port), "--report",
                report.toString(), "--"));
        args.addAll(Programs.command(PracticeProgram.ECHO, port));

        assertThat(run(args.toArray(String[]::new))).as(out.text() + err.text()).isEqualTo(CheckProgramCommand.ALL_PASSED);
        assertThat(out.text()).contains("Checking ", "PASS  echo", "PASS  restart", "9 passed, 0 failed, 0 not applicable")
                .contains("= -1 EADDRINUSE (Address already in use) [injected]")
                .contains("stderr: bind: Address already in use");
        List<String> verdicts = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(report.toFile())) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("verdict")) {
                    verdicts.add(p.nextTextValue());
                }
            }
        }
        assertThat(verdicts).hasSize(9).containsOnly("passed");
        assertThat(Files.readString(report)).contains("\"port\" : " + port, "\"passed\" : 9", "\"failed\" : 0",
                "\"id\" : \"short-send\"");
    }

    @Test
    void aServerThatListensOnTheWrongPortFailsWithExitOneAndSaysWhy() {
        int port = Programs.freePortWithFreeTwin();
        List<String> args = new ArrayList<>(List.of("--check-program", "--port", Integer.toString(port), "--"));
        args.addAll(Programs.command(PracticeProgram.NO_HTONS, port));
        assertThat(run(args.toArray(String[]::new))).isEqualTo(CheckProgramCommand.FAILED);
        int swapped = ((port & 0xff) << 8) | (port >> 8);
        assertThat(out.text()).contains("FAIL  echo", "listens on port " + swapped + ", not " + port, "htons()",
                "0 passed, 1 failed, 8 not applicable");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--check-program|--check-program: give the program after --",
        "--check-program --expect maybe -- ./x|--expect: must be echo or none (got \"maybe\")",
        "--check-program --port 0 -- ./x|--port: the port the program should listen on, 1 to 65535",
        "--check-program --report /no/such/dir/r.json -- ./x|--report: cannot write /no/such/dir/r.json",
        "--check-program --frobnicate -- ./x|Unknown option: '--frobnicate'",
    })
    void badInputExitsTwoNamingTheOption(String args, String message) {
        assertThat(run(args.split(" "))).isEqualTo(CheckProgramCommand.BAD_INPUT);
        assertThat(err.text()).contains(message);
    }

    @Test
    void aCommandThatIsNotThereExitsOneWithAPlainMessage(@TempDir Path dir) {
        assertThat(run("--check-program", "--dir", dir.toString(), "--", "./no-such-server", "9090"))
                .isEqualTo(CheckProgramCommand.FAILED);
        assertThat(err.text()).contains("command not found: ./no-such-server");
    }

    @Test
    void wantedOnlyBeforeTheDoubleDash() {
        assertThat(CheckProgramCommand.wanted("--check-program", "--", "./s")).isTrue();
        assertThat(CheckProgramCommand.wanted("--no-gui", "--program", "--", "./s", "--check-program")).isFalse();
    }
}
