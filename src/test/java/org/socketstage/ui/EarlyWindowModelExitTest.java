package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.LaunchOptions;

/** A JVM told to end while the toolkit still starts closes the session built for the window, in its own process. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EarlyWindowModelExitTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void sigtermBeforeTheWindowTookItsModelStillEndsTheSession(@TempDir Path dir) throws Exception {
        Path transcript = dir.resolve("transcript.jsonl");
        List<String> cmd = AppProcess.command("early-exit", List.of(), Launcher.class.getName(),
                "--transcript", transcript.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("BUILDING");
            // the session is open once its transcript is
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(transcript));
            p.toHandle().destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // no handler of the app's yet: the JVM's own SIGTERM exit, with its shutdown hooks
            assertThat(p.exitValue()).isEqualTo(143);
            assertThat(Files.readAllLines(transcript)).last().asString().contains("\"type\":\"TranscriptEnd\"");
        } finally {
            p.destroyForcibly();
        }
    }

    /** What Main does up to the toolkit's start, then a start that never ends. */
    public static final class Launcher {
        public static void main(String[] args) throws InterruptedException {
            EarlyWindowModel.startBuilding(args, LaunchOptions.parse(args, System.err).orElseThrow());
            System.out.println("BUILDING");
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
