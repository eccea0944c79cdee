package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing the window ends the whole JVM within 2 s and leaves the port free. */
@Timeout(60)
class AppExitTest {

    @Test
    void closingTheWindowEndsTheJvmWithinTwoSeconds() throws Exception {
        int port = MainWindowTest.freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String p : new String[] {"testfx.robot", "testfx.headless", "glass.platform", "monocle.platform",
                "prism.order", "prism.text", "java.awt.headless"}) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.add("-Dsocketstage.prefs.node=socketstage-test-exit");
        cmd.add("-Dprobe.port=" + port);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ExitProbe.Launcher.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        long closingAt = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.append(line).append('\n');
                if (line.equals("CLOSING")) {
                    closingAt = System.nanoTime();
                    break;
                }
            }
            assertThat(closingAt).as("the app reached accept() and closed its window; output:\n" + output)
                    .isPositive();
            while (r.readLine() != null) {
                // the rest of the child's output; reading it keeps its pipe from filling up
            }
            boolean ended = p.waitFor(5, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closingAt);
            assertThat(ended).as("JVM ended").isTrue();
            assertThat(millis).as("ms from closing the window to the JVM's exit").isLessThan(2000);
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(false);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
    }
}
