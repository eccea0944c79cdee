package org.socketstage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

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
