package org.socketstage.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./mvnw -Pinstaller package} built, tried the way a lab machine uses it: the app image's own
 * launcher (no JDK needed) and, on Linux, the .deb's contents. Run by failsafe in the installer profile.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AppImageIT {

    private static final Path DIST = Path.of(System.getProperty("installer.dist", "target/dist"));
    private static final Path IMAGE = DIST.resolve("SocketStage");
    private static final Duration START = Duration.ofSeconds(90);

    /** The launcher that prints to the terminal on this OS (Windows' GUI launcher has no console). */
    private static Path launcher() {
        return switch (OS.current()) {
            case WINDOWS -> IMAGE.resolve("socketstage-console.exe");
            case MAC -> DIST.resolve("SocketStage.app/Contents/MacOS/SocketStage");
            default -> IMAGE.resolve("bin/SocketStage");
        };
    }

    private static Path runtime() {
        return OS.current() == OS.MAC ? DIST.resolve("SocketStage.app/Contents/runtime/Contents/Home")
                : OS.current() == OS.WINDOWS ? IMAGE.resolve("runtime") : IMAGE.resolve("lib/runtime");
    }

    /** Runs the launcher with no JAVA_HOME and no JDK on the PATH, output into a file. */
    private static Process start(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().put("PATH", OS.current() == OS.WINDOWS ? "C:\\Windows\\System32" : "/usr/bin:/bin");
        return builder.start();
    }

    @Test
    void theLauncherPrintsTheVersionAndTheRevision(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("version.txt");
        Process p = start(log, "--version");
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(log).strip())
                .matches("SocketStage " + System.getProperty("project.version").replace(".", "\\.")
                        + " \\((revision [0-9a-f]{7,}( with local changes)?|unknown revision)\\)");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void theTraceModeServesAnEchoAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path log = dir.resolve("trace.txt");
        Process p = start(log, "--no-gui", "--port", Integer.toString(port));
        try {
            await().atMost(START).until(() -> Files.readString(log).contains("[server] listen("));
            if (OS.current() == OS.LINUX) {
                // the JVM in this process is the app image's own, not a JDK of this machine
                assertThat(Files.readString(Path.of("/proc", Long.toString(p.pid()), "maps")))
                        .contains(runtime().toAbsolutePath().resolve("lib/server/libjvm.so").toString());
            }
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.setSoTimeout(20_000);
                OutputStream out = client.getOutputStream();
                out.write("hello from the lab\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                assertThat(in.readLine()).isEqualTo("hello from the lab");
            }
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            String out = Files.readString(log);
            // the app's own SIGTERM handling stopped the server (the JVM's default would exit 143); whether the
            // last close() is printed depends on the trace mode's 1 s stop bound, so TraceSignalsTest checks that
            assertThat(out).contains("socket layer: native (libc via JNA)").contains("send(")
                    .contains("--- server STOPPING")
                    // no JVM warnings (e.g. about native access) at start
                    .doesNotContain("WARNING");
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theRuntimeHoldsOnlyTheModulesTheAppNeeds() throws IOException {
        String release = Files.readString(runtime().resolve("release"));
        assertThat(release).contains("javafx.controls", "javafx.fxml", "java.prefs", "jdk.unsupported", "jdk.zipfs")
                .doesNotContain("java.sql", "jdk.compiler", "jdk.jshell", "java.net.http");
        System.out.printf("app image %s: %.1f MB, its runtime %.1f MB%n", IMAGE, megabytes(IMAGE), megabytes(runtime()));
    }

    @Test
    void theJarDeclaresNativeAccessForNewJdks() throws IOException {
        try (JarFile jar = new JarFile(Path.of(System.getProperty("installer.jar", "target/socketstage.jar")).toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theDebInstallsTheLauncherTheDesktopEntryAndTheIcon() throws Exception {
        Path deb;
        try (Stream<Path> files = Files.list(DIST)) {
            deb = files.filter(f -> f.getFileName().toString().matches("socketstage_.*_amd64\\.deb")).findFirst().orElseThrow();
        }
        assertThat(run("dpkg-deb", "--info", deb.toString()))
                .contains("Package: socketstage")
                // JDK 17's jpackage adds the package revision "-1", JDK 25's does not
                .containsPattern("Version: " + System.getProperty("installer.version").replace(".", "\\.") + "(-1)?\n")
                .contains("postinst").contains("prerm");
        assertThat(run("dpkg-deb", "--contents", deb.toString()))
                .contains("./opt/socketstage/bin/SocketStage")
                .contains("./opt/socketstage/lib/socketstage-SocketStage.desktop")
                .contains("./opt/socketstage/lib/SocketStage.png")
                .contains("./opt/socketstage/lib/runtime/lib/server/libjvm.so");
        assertThat(run("dpkg-deb", "--info", deb.toString(), "postinst"))
                .contains("/opt/socketstage/lib/socketstage-SocketStage.desktop")
                .contains("/usr/share/applications/socketstage-SocketStage.desktop")
                .contains("ln -sf /opt/socketstage/bin/SocketStage /usr/bin/socketstage")
                // fails on a machine without a desktop menu folder, and takes the whole installation with it
                .doesNotContainPattern("(?m)^\\s*xdg-desktop-menu ");
        assertThat(run("dpkg-deb", "--info", deb.toString(), "prerm"))
                .contains("rm -f /usr/share/applications/socketstage-SocketStage.desktop")
                .contains("rm -f /usr/bin/socketstage")
                .doesNotContainPattern("(?m)^\\s*xdg-desktop-menu ");
        assertThat(run("sh", "-c", "dpkg-deb --fsys-tarfile \"$0\" | tar -xO ./opt/socketstage/lib/socketstage-SocketStage.desktop", deb.toString()))
                .contains("Exec=/opt/socketstage/bin/SocketStage")
                .contains("Icon=/opt/socketstage/lib/SocketStage.png")
                .contains("Categories=Education;Network;");
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s\n%s", String.join(" ", command), out).isZero();
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    private static double megabytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() / 1e6;
        }
    }
}
