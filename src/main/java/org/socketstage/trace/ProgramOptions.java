package org.socketstage.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.socketstage.settings.CommandSyntax;
import org.socketstage.settings.ConfigRules;
import org.socketstage.settings.GivenOptions;
import org.socketstage.settings.PacingMode;
import org.socketstage.tracer.Injection;
import org.socketstage.tracer.ProgramCommand;

/** The options of the trace mode when it traces a program: {@code --no-gui --program [OPTIONS] -- CMD ARGS}. */
public final class ProgramOptions {

    static final String DEFAULT_MODE = "live";
    static final String DEFAULT_DELAY = "500";
    static final String DEFAULT_LISTEN_TIMEOUT = "10";

    /** The command line of the trace mode tracing a program. */
    static final CommandSyntax SYNTAX = new CommandSyntax("socketstage --no-gui --program",
            "Runs your own server under the tracer and prints its socket calls, strace style.")
            .flag("no-gui", "Run the trace mode (this mode).")
            .flag("program", "Trace the program given after -- instead of running SocketStage's server.")
            .value("mode", "live|run|step", "Pacing of the program's socket calls. step: each waits for Enter. Default "
                    + DEFAULT_MODE + ".")
            .value("delay", "MS", "Delay before each socket call in run mode, in milliseconds. Default " + DEFAULT_DELAY + ".")
            .value("port", "N", "The port the program should listen on: another one is an error.")
            .value("listen-timeout", "S", "Seconds to wait for the program to listen (not in step mode). 0: no limit,"
                    + " and a program that never listens (a client) is no error. Default " + DEFAULT_LISTEN_TIMEOUT + ".")
            .repeatable("inject", "CALL=ERRNO[@N]", "Fail the Nth call of CALL (default the first) with ERRNO, the kernel"
                    + " not called; send=short[@N] makes a send take half its bytes. Repeatable.")
            .path("transcript", "FILE", "Write every event to FILE as JSON Lines.")
            .path("source", "FILE", "The program's source file, shown by the window's code panel.")
            .path("dir", "DIR", "The folder to start the program in. Default: the current one.")
            .operands("-- CMD [ARGS...]");

    // set by from(), each to what was given or its default
    String mode;
    String delay;
    String port;
    String listenTimeout;
    List<String> inject;
    Path transcript;
    Path source;
    Path dir;
    /** The program and its arguments, after --. */
    List<String> command;

    private ProgramOptions() {}

    /** The options a command line parsed by {@link #SYNTAX} gave. */
    static ProgramOptions from(GivenOptions given) {
        ProgramOptions o = new ProgramOptions();
        o.mode = Objects.requireNonNullElse(given.text("mode"), DEFAULT_MODE);
        o.delay = Objects.requireNonNullElse(given.text("delay"), DEFAULT_DELAY);
        o.port = given.text("port");
        o.listenTimeout = Objects.requireNonNullElse(given.text("listen-timeout"), DEFAULT_LISTEN_TIMEOUT);
        o.inject = given.texts("inject");
        o.transcript = given.path("transcript");
        o.source = given.path("source");
        o.dir = given.path("dir");
        o.command = given.operands();
        return o;
    }

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
