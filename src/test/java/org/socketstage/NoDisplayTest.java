package org.socketstage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The window asked for on a machine with no display says what to do instead of printing a stack trace. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NoDisplayTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutADisplayTheAppSaysSoInOneLine() throws Exception {
        // a real launch: no DISPLAY, and none of the test run's headless (Monocle) properties
        ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.socketstage.Main", "--port", "0");
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.PIPE).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(Main.NO_WINDOW);
        assertThat(err.strip()).isEqualTo("socketstage: no display: use --no-gui, or set DISPLAY");
        assertThat(out).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void whenTheToolkitCannotOpenTheDisplayTheSessionMadeMeanwhileIsClosed(@TempDir Path dir) throws Exception {
        // a display named but not there: the options pass, the session is made while the toolkit tries and fails
        int free = 990;
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + free))) {
            free++;
        }
        Path transcript = dir.resolve("transcript.jsonl");
        ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsocketstage.prefs.node=" + System.getProperty("socketstage.prefs.node", "socketstage-test") + "-nodisplay",
                "-cp", System.getProperty("java.class.path"), "org.socketstage.Main", "--port", "0",
                "--transcript", transcript.toString());
        pb.environment().put("DISPLAY", ":" + free);
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.redirectInput(ProcessBuilder.Redirect.PIPE).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(Main.NO_WINDOW);
        assertThat(err.strip().lines().reduce((a, b) -> b)).hasValue(Main.NO_DISPLAY);
        // the transcript is finished only by the session's close()
        assertThat(Files.readAllLines(transcript)).last().asString().contains("\"type\":\"TranscriptEnd\"");
    }

    @Test
    void aDisplayIsNeededOnlyWhereJavaFxOpensWindowsThroughX11() {
        assertThat(Main.displayAvailable(null, "Linux", null)).isFalse();
        assertThat(Main.displayAvailable(" ", "Linux", null)).isFalse();
        assertThat(Main.displayAvailable(":0", "Linux", null)).isTrue();
        assertThat(Main.displayAvailable(null, "Linux", "Monocle")).isTrue();
        for (String os : List.of("Mac OS X", "Windows 11")) {
            assertThat(Main.displayAvailable(null, os, null)).isTrue();
        }
    }
}
