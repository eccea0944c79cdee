package org.socketstage.tracer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The practice programs, made ready once per test run: the C ones compiled with the machine's cc (a test
 * needing one is skipped, saying so, when there is no compiler), the Python one copied.
 */
public final class Programs {

    private static final Path FOLDER = createFolder();
    private static final Map<PracticeProgram, Path> READY = new ConcurrentHashMap<>();

    private Programs() {}

    private static Path createFolder() {
        try {
            Path dir = Files.createTempDirectory("socketstage-programs");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line that starts this program on {@code port}. */
    public static List<String> command(PracticeProgram program, int port) {
        Path ready = READY.computeIfAbsent(program, Programs::prepare);
        return program.c() ? List.of(ready.toString(), Integer.toString(port))
                : List.of(PracticeProgram.python(), ready.toString(), Integer.toString(port));
    }

    public static ProgramCommand of(PracticeProgram program, int port) {
        return new ProgramCommand(command(program, port), null);
    }

    private static Path prepare(PracticeProgram program) {
        if (!program.c()) {
            assumeTrue(Files.isExecutable(Path.of(PracticeProgram.python())) || onPath("python3"), "python3 is not installed");
            return program.copyTo(FOLDER);
        }
        CCompiler cc = CCompiler.find().orElse(null);
        assumeTrue(cc != null, CCompiler.missingMessage());
        Path source = program.copyTo(FOLDER);
        CCompiler.Result r = cc.compile(source, FOLDER.resolve(program.programName()));
        if (!r.ok()) {
            throw new IllegalStateException("cc failed on " + source + ":\n" + r.messages());
        }
        return r.program();
    }

    private static boolean onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, name)));
    }

    /** A loopback port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port whose byte-swapped twin (where a program without htons() ends up) is free and different too. */
    public static int freePortWithFreeTwin() {
        for (int i = 0; i < 50; i++) {
            int p = freePort();
            int twin = ((p & 0xff) << 8) | (p >> 8);
            if (twin != p && twin > 1024 && free(twin)) {
                return p;
            }
        }
        throw new IllegalStateException("no free port with a free byte-swapped twin");
    }

    static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is no failure
        }
    }
}
