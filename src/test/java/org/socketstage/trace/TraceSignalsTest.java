package org.socketstage.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real process, stopped by a real signal: it must close its sockets and exit 0. */
@EnabledOnOs({OS.LINUX, OS.MAC})
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TraceSignalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalStopsCleanlyFreesThePortAndExitsZero(String signal, @TempDir Path dir) throws Exception {
        int port = freePort();
        Path log = dir.resolve("out.txt");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.socketstage.Main",
                "--no-gui", "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(log).contains("[server] listen("));
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
            boolean ended = p.waitFor(10, TimeUnit.SECONDS);
            // a rare CI failure left the process running after SIGINT: if it happens again, say where it was
            assertThat(ended).as("the process ended within 10 s of SIG%s; its output:%n%s%nits threads:%n%s",
                    signal, Files.readString(log), ended ? "" : threadDump(p)).isTrue();
            assertThat(p.exitValue()).isZero();
            String out = Files.readString(log);
            assertThat(out).containsPattern("\\[server\\] close\\(\\d+\\) = 0").contains("--- server STOPPED");
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        } finally {
            p.destroyForcibly();
        }
    }

    /** The process's threads as jcmd prints them, or why they could not be had. */
    private static String threadDump(Process p) {
        try {
            String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process dump = new ProcessBuilder(jcmd, Long.toString(p.pid()), "Thread.print").redirectErrorStream(true).start();
            String text = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            dump.waitFor(10, TimeUnit.SECONDS);
            return text;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
