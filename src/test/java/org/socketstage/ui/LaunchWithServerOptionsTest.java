package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.Main;

/** {@code --autostart --port N} in the window: the real app, in its own JVM, serves an echo on N. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LaunchWithServerOptionsTest {

    @Test
    void autostartOnTheGivenPortServesAClientThere() throws Exception {
        int port = MainWindowTest.freePort();
        List<String> cmd = AppProcess.command("launch", List.of(), Main.class.getName(),
                "--autostart", "--port", Integer.toString(port), "--mode", "live");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> echoes(port));
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the app ended on SIGTERM").isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean echoes(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write("hello on the chosen port\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(25), StandardCharsets.US_ASCII).equals("hello on the chosen port\n");
        }
    }
}
