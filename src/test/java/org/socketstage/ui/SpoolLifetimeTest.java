package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk spool of every event lives exactly as long as the app: the whole app in its own JVM (headless),
 * with a temp folder of its own, ended by SIGKILL, SIGTERM, SIGINT and the window's close button. A killed
 * app cannot clean up, so the next start deletes its spool; every other ending deletes its own.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SpoolLifetimeTest {

    private static final long READY_MILLIS = 120_000;
    private static final long END_MILLIS = 20_000;

    @TempDir
    Path temp;

    private enum Ending { SIGKILL, SIGTERM, SIGINT, CLOSE }

    private List<Path> spools() throws IOException {
        try (Stream<Path> s = Files.list(temp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("socketstage-spool-")).toList();
        }
    }

    @Test
    void aKilledAppsSpoolGoesAtTheNextStartAndEveryOtherEndingDeletesItsOwn() throws Exception {
        List<Path> killed = launchAndEnd(Ending.SIGKILL);
        assertThat(killed).as("SIGKILL leaves the spool behind (nothing can run)").hasSize(1).allMatch(Files::exists);

        for (Ending ending : List.of(Ending.SIGTERM, Ending.SIGINT, Ending.CLOSE)) {
            launchAndEnd(ending);
            assertThat(killed.get(0)).as("the killed app's spool, after a later start").doesNotExist();
            assertThat(spools()).as("spools left after %s", ending).isEmpty();
        }
    }

    /** Runs the app until it is ready, checks that it has exactly one spool of its own, ends it; returns its spools. */
    private List<Path> launchAndEnd(Ending ending) throws Exception {
        int port = MainWindowTest.freePort();
        List<String> cmd = AppProcess.command("spool", List.of("probe.port=" + port, "probe.state=idle",
                "java.io.tmpdir=" + temp), CloseProbe.Launcher.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder output = new StringBuilder();
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    String l;
                    while ((l = r.readLine()) != null && !l.equals("READY")) {
                        output.append(l).append('\n');
                    }
                    return l;
                } catch (IOException e) {
                    return null;
                }
            }).completeOnTimeout(null, READY_MILLIS, TimeUnit.MILLISECONDS).join();
            assertThat(line).as("the app got ready; output:%n%s", output).isEqualTo("READY");
            CompletableFuture.runAsync(() -> {
                try {
                    while (r.readLine() != null) {
                        // keeps the child's pipe from filling up
                    }
                } catch (IOException e) {
                    // the child has gone
                }
            });
            List<Path> own = spools().stream()
                    .filter(s -> s.getFileName().toString().contains("-pid" + p.pid() + "-")).toList();
            assertThat(own).as("the running app's own spool").hasSize(1);
            switch (ending) {
                case SIGKILL -> p.destroyForcibly();
                case SIGTERM -> p.destroy();
                case SIGINT -> new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                case CLOSE -> {
                    OutputStream in = p.getOutputStream();
                    in.write("CLOSE\n".getBytes(StandardCharsets.US_ASCII));
                    in.flush();
                }
            }
            assertThat(p.waitFor(END_MILLIS, TimeUnit.MILLISECONDS)).as("the JVM ended after %s", ending).isTrue();
            return own;
        } finally {
            p.destroyForcibly();
        }
    }
}
