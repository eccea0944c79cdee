package org.socketstage.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.socketstage.settings.ConfigRules;
import org.socketstage.settings.PacingMode;
import org.socketstage.tracer.Injection;
import org.socketstage.tracer.ProgramCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of the trace mode when it traces a program: {@code --no-gui --program [OPTIONS] -- CMD ARGS}. */
@Command(name = "socketstage --no-gui --program", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Runs your own server under the tracer and prints its socket calls, strace style.")
public final class ProgramOptions {

    @Option(names = "--no-gui", description = "Run the trace mode (this mode).")
    boolean noGui;

    @Option(names = "--program", description = "Trace the program given after -- instead of running SocketStage's server.")
    boolean program;

    @Option(names = "--mode", paramLabel = "live|run|step", description = "Pacing of the program's socket calls. step: each waits for Enter. Default ${DEFAULT-VALUE}.")
    String mode = "live";

    @Option(names = "--delay", paramLabel = "MS", description = "Delay before each socket call in run mode, in milliseconds. Default ${DEFAULT-VALUE}.")
    String delay = "500";

    @Option(names = "--port", paramLabel = "N", description = "The port the program should listen on: another one is an error.")
    String port;

    @Option(names = "--listen-timeout", paramLabel = "S", description = "Seconds to wait for the program to listen (not in step mode). 0: no limit, and a program that never listens (a client) is no error. Default ${DEFAULT-VALUE}.")
    String listenTimeout = "10";

    @Option(names = "--inject", paramLabel = "CALL=ERRNO[@N]", description = "Fail the Nth call of CALL (default the first) with ERRNO, the kernel not called; send=short[@N] makes a send take half its bytes. Repeatable.")
    List<String> inject = new ArrayList<>();

    @Option(names = "--transcript", paramLabel = "FILE", description = "Write every event to FILE as JSON Lines.")
    Path transcript;

    @Option(names = "--source", paramLabel = "FILE", description = "The program's source file, shown by the window's code panel.")
    Path source;

    @Option(names = "--dir", paramLabel = "DIR", description = "The folder to start the program in. Default: the current one.")
    Path dir;

    @Parameters(paramLabel = "CMD", description = "The program and its arguments, after --.")
    List<String> command = new ArrayList<>();

    /** The checked options, or every problem found. */
    public record Checked(ProgramCommand command, PacingMode mode, long delayMillis, OptionalInt port,
            long listenTimeoutSeconds, List<Injection> injections, Optional<Path> transcript, Optional<Path> source,
            List<String> problems) {}

    public Checked check() {
        List<String> problems = new ArrayList<>();
        if (command.isEmpty()) {
            problems.add("--program: give the program to trace after --, e.g. --program -- ./echo_server 9090");
        }
        Optional<PacingMode> m = PacingMode.fromOption(mode);
        if (m.isEmpty()) {
            problems.add("--mode: must be live, run or step (got \"" + mode + "\")");
        }
        Optional<Integer> d = ConfigRules.parseInt(delay);
        if (d.isEmpty()) {
            problems.add("--delay: must be a whole number of milliseconds, 0 or more (got \"" + delay + "\")");
        }
        OptionalInt p = OptionalInt.empty();
        if (port != null) {
            Optional<Integer> n = ConfigRules.parseInt(port).filter(v -> v >= 1 && v <= 65535);
            if (n.isEmpty()) {
                problems.add("--port: the port the program should listen on, 1 to 65535 (got \"" + port + "\")");
            } else {
                p = OptionalInt.of(n.get());
            }
        }
        Optional<Integer> t = ConfigRules.parseInt(listenTimeout);
        if (t.isEmpty()) {
            problems.add("--listen-timeout: must be a whole number of seconds, 0 or more (got \"" + listenTimeout + "\")");
        }
        List<Injection> injections = new ArrayList<>();
        for (String text : inject) {
            try {
                injections.add(Injection.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add("--inject: " + e.getMessage());
            }
        }
        if (source != null && !Files.isReadable(source)) {
            problems.add("--source: cannot read " + source);
        }
        if (dir != null && !Files.isDirectory(dir)) {
            problems.add("--dir: not a folder: " + dir);
        }
        if (!problems.isEmpty()) {
            return new Checked(null, null, 0, p, 0, injections, Optional.ofNullable(transcript),
                    Optional.ofNullable(source), problems);
        }
        return new Checked(new ProgramCommand(command, dir), m.orElseThrow(), d.orElseThrow(), p, t.orElseThrow(),
                injections, Optional.ofNullable(transcript), Optional.ofNullable(source), List.of());
    }

    /** True when these arguments ask to trace a program (--program before the --). */
    public static boolean wanted(String... args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--program")) {
                return true;
            }
        }
        return false;
    }
}
