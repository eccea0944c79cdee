package org.socketstage.ui.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.event.Step;

/**
 * The C listings the code panel shows are real programs: compiled with the warnings on, they behave as the
 * lessons and the lane say. The full server echoes, closes a client on exit and, on SIGTERM, leaves its loop
 * and reaches close(listenfd). The listing shown for "forgot to check socket()" fails the way the lane shows:
 * with socket() out of descriptors, setsockopt(-1) fails unnoticed and bind(-1) reports EBADF.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CProgramBehavesAsShownTest {

    @TempDir
    Path dir;
    private Process server;

    @BeforeAll
    static void needsACompiler() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "compiled and run on Linux");
        try {
            assumeTrue(new ProcessBuilder("cc", "--version").start().waitFor() == 0, "no C compiler");
        } catch (IOException | InterruptedException e) {
            assumeTrue(false, "no C compiler: " + e.getMessage());
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    private Path compile(List<String> lines, String name, String... options) throws Exception {
        Path source = dir.resolve(name + ".c");
        Files.write(source, lines);
        Path binary = dir.resolve(name);
        List<String> command = new java.util.ArrayList<>(List.of("cc", "-Wall", "-Wextra", "-Werror"));
        command.addAll(List.of(options));
        command.addAll(List.of("-o", binary.toString(), source.toString()));
        Process cc = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cc.waitFor()).as("cc says: " + out).isZero();
        return binary;
    }

    /** The listing with the port a test may use: the text says 9090, which may be taken on this machine. */
    private static List<String> onPort(CodeListing listing, int port) {
        List<String> lines = listing.lines().stream()
                .map(l -> l.startsWith("#define PORT ") ? "#define PORT    " + port : l).toList();
        assertThat(lines).as("the listing defines its port").anyMatch(l -> l.equals("#define PORT    " + port));
        return lines;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void theFullServerEchoesClosesOnExitAndReachesCloseOfTheListenerOnSigterm() throws Exception {
        int port = freePort();
        Path binary = compile(onPort(StageLines.cListing(), port), "echo_server");
        server = new ProcessBuilder(binary.toString()).redirectErrorStream(true).start();
        Socket client = await().atMost(Duration.ofSeconds(10)).ignoreException(ConnectException.class)
                .until(() -> new Socket(InetAddress.getLoopbackAddress(), port), s -> true);
        try (client) {
            client.setSoTimeout(5000);
            client.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            assertThat(new String(in.readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("hello\n");
            client.getOutputStream().write("exit\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.read()).as("the server closed this client").isEqualTo(-1);
        }
        // SIGTERM (through the handle: Process.destroy() would also close our end of its output)
        server.toHandle().destroy(); // the handler sets stop, accept() returns EINTR, the loop ends
        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String out = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(server.exitValue()).as("return 0 after close(listenfd); output: " + out).isZero();
        assertThat(out).startsWith("client 127.0.0.1 port ").doesNotContain("close:");
    }

    @Test
    void theListingOfTheUncheckedSocketFaultCarriesMinusOneToBindLikeTheLane() throws Exception {
        CodeListing unchecked = StageLines.cListing().withoutChecks(StageLines.checksLeftOut(Step.SOCKET));
        // linked statically: the dynamic loader would need a descriptor of its own to open libc
        assumeTrue(new ProcessBuilder("sh", "-c", "echo 'int main(void){return 0;}' | cc -static -x c -o /dev/null -")
                .start().waitFor() == 0, "no static C library to link with");
        Path binary = compile(onPort(unchecked, freePort()), "unchecked", "-static");
        // with only descriptors 0, 1 and 2 allowed, socket() fails with EMFILE for real
        Process p = new ProcessBuilder("sh", "-c", "ulimit -n 3 && exec \"$0\"", binary.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).as("setsockopt(-1) fails unnoticed; bind(-1) is the first check that fires")
                .isEqualTo("bind: Bad file descriptor\n");
        assertThat(p.exitValue()).isEqualTo(1);
    }
}
