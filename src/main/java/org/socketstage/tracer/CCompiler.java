package org.socketstage.tracer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a C practice program with the machine's own compiler ({@code cc}, else {@code gcc} or
 * {@code clang}), and says plainly when there is none.
 */
public final class CCompiler {

    /** What a compilation gave: the program, or the compiler's messages saying why not. */
    public record Result(boolean ok, Path program, String messages) {}

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final List<String> NAMES = List.of("cc", "gcc", "clang");

    private final Path compiler;

    private CCompiler(Path compiler) {
        this.compiler = compiler;
    }

    /** The machine's C compiler, or empty when none is installed. */
    public static Optional<CCompiler> find() {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String name : NAMES) {
            for (String dir : path.split(":")) {
                Path candidate = dir.isEmpty() ? null : Path.of(dir, name);
                if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(new CCompiler(candidate));
                }
            }
        }
        return Optional.empty();
    }

    /** The sentence to show when {@link #find()} found nothing. */
    public static String missingMessage() {
        return "no C compiler found (looked for cc, gcc and clang on the PATH): install one, e.g. "
                + "'sudo apt-get install gcc' on Debian or Ubuntu, 'sudo dnf install gcc' on Fedora, or "
                + "'xcode-select --install' on macOS";
    }

    public Path path() {
        return compiler;
    }

    /** Compiles {@code source} into {@code program}, with warnings on and threads available. */
    public Result compile(Path source, Path program) {
        if (!Files.isReadable(source)) {
            return new Result(false, program, "cannot read " + source);
        }
        ProcessBuilder pb = new ProcessBuilder(compiler.toString(), "-Wall", "-pthread", "-o", program.toString(),
                source.toString()).redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(false, program, compiler + " did not finish within " + LIMIT.toSeconds() + " s");
            }
            String messages = new String(out, StandardCharsets.UTF_8);
            return new Result(p.exitValue() == 0 && Files.isExecutable(program), program, messages);
        } catch (IOException e) {
            return new Result(false, program, "cannot run " + compiler + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, program, "interrupted while compiling " + source);
        }
    }
}
