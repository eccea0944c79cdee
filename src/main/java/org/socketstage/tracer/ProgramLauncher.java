package org.socketstage.tracer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the program stopped before its first instruction, without a native helper: a shell starts
 * {@code sh -c 'kill -STOP $$; exec "$0" "$@"' PROGRAM ARGS} in the background (that shell stops itself, and
 * once the tracer has seized it and sent SIGCONT it becomes the program), starts the tracer's idle
 * {@link Doorbell} process next to it, prints both process ids and waits for the program (with its own
 * standard error closed, so that its "Terminated" is not taken for the program's words).
 *
 * <p>The program is a grandchild of this JVM on purpose: Java's own process reaper waits for every direct
 * child with waitpid(), and would swallow the ptrace stops of one.
 */
final class ProgramLauncher {

    static final String SCRIPT = """
            /bin/sh -c 'kill -STOP $$; exec "$0" "$@"' "$@" </dev/null &
            p=$!
            sleep 2147483647 </dev/null >/dev/null 2>&1 &
            echo "$p $!"
            exec 2>/dev/null
            wait "$p"
            """;
    private static final long PID_WAIT_SECONDS = 5;

    /**
     * The launching shell, the two processes the tracer seizes, and the threads that forward the program's output
     * (they end when every process holding the pipes has ended).
     */
    record Launched(Process shell, int programPid, int doorbellPid, List<Thread> outputPumps) {

        /** Waits up to {@code wait} for the output still in the pipes to be forwarded. */
        void awaitOutput(Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            for (Thread pump : outputPumps) {
                pump.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        }
    }

    private ProgramLauncher() {}

    /** Checks the command exists and can run, so that the student gets a plain message instead of exit 127. */
    static void check(ProgramCommand command) {
        String name = command.argv().get(0);
        Path folder = command.folder();
        if (!Files.isDirectory(folder)) {
            throw new TraceFailure(TraceFailure.Kind.COMMAND_NOT_FOUND, "working folder not found: " + folder);
        }
        Path found;
        if (name.contains("/")) {
            found = folder.resolve(name);
            if (!Files.exists(found)) {
                throw new TraceFailure(TraceFailure.Kind.COMMAND_NOT_FOUND, "command not found: " + name
                        + " (no such file in " + folder + ")" + compileHint(name));
            }
        } else {
            found = onPath(name);
            if (found == null) {
                throw new TraceFailure(TraceFailure.Kind.COMMAND_NOT_FOUND, "command not found: " + name
                        + " (not in any folder of PATH; for a program in this folder write ./" + name + ")");
            }
        }
        if (Files.isDirectory(found)) {
            throw new TraceFailure(TraceFailure.Kind.NOT_EXECUTABLE, "not executable: " + name + " is a folder");
        }
        if (!Files.isExecutable(found)) {
            throw new TraceFailure(TraceFailure.Kind.NOT_EXECUTABLE, "not executable: " + name
                    + (name.endsWith(".c") ? " is C source: compile it first, e.g. cc -o server " + name
                    : name.endsWith(".py") ? " is a Python file: run it as python3 " + name
                    : " has no execute permission (chmod +x " + name + ")"));
        }
    }

    private static String compileHint(String name) {
        Path source = Path.of(name + ".c");
        return Files.exists(source) ? "; " + source + " is there: compile it first (cc -o " + name + " " + source + ")" : "";
    }

    private static Path onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static Launched launch(ProgramCommand command, ProgramOutput output) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "socketstage-launch"));
        argv.addAll(command.argv());
        ProcessBuilder pb = new ProcessBuilder(argv).directory(command.folder().toFile());
        Process shell;
        try {
            shell = pb.start();
        } catch (IOException e) {
            throw new TraceFailure(TraceFailure.Kind.LAUNCH_FAILED, "cannot start /bin/sh to launch the program: "
                    + e.getMessage());
        }
        try {
            shell.getOutputStream().close();
        } catch (IOException e) {
            // the launcher reads nothing; a failed close changes nothing
        }
        CompletableFuture<String> pids = new CompletableFuture<>();
        List<Thread> pumps = List.of(
                pump(shell.getInputStream(), ProgramOutput.Stream.STDOUT, output, pids, "socketstage-program-stdout"),
                pump(shell.getErrorStream(), ProgramOutput.Stream.STDERR, output, null, "socketstage-program-stderr"));
        try {
            String[] p = pids.get(PID_WAIT_SECONDS, TimeUnit.SECONDS).trim().split(" ");
            return new Launched(shell, Integer.parseInt(p[0]), Integer.parseInt(p[1]), pumps);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shell.destroyForcibly();
            throw new TraceFailure(TraceFailure.Kind.LAUNCH_FAILED, "interrupted while starting the program");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            shell.destroyForcibly();
            throw new TraceFailure(TraceFailure.Kind.LAUNCH_FAILED, "the launching shell did not start the program");
        }
    }

    /** Forwards lines; on standard output the first line is the launcher's own (the process ids). */
    private static Thread pump(InputStream in, ProgramOutput.Stream stream, ProgramOutput output,
            CompletableFuture<String> firstLine, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                boolean first = firstLine != null;
                while ((line = r.readLine()) != null) {
                    if (first) {
                        firstLine.complete(line);
                        first = false;
                    } else {
                        output.line(stream, line);
                    }
                }
            } catch (IOException e) {
                // the pipe closed: the program and the launcher are gone
            } finally {
                if (firstLine != null) {
                    firstLine.completeExceptionally(new IOException("no process ids from the launcher"));
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
