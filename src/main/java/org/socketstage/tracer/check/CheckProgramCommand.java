package org.socketstage.tracer.check;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.socketstage.settings.OptionParsing;
import org.socketstage.tracer.ProgramCommand;
import org.socketstage.tracer.TraceFailure;
import org.socketstage.tracer.Tracing;

/**
 * {@code socketstage --check-program [--port N] [--expect echo|none] [--report FILE] -- ./server ARGS}: runs the
 * robustness battery and prints the report. Exit codes: 0 when no check failed, 1 when one did or the program
 * could not be run or traced, 2 for bad input (options, or a machine that cannot trace).
 */
public final class CheckProgramCommand {

    public static final int ALL_PASSED = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    static final String DEFAULT_EXPECT = "echo";

    /** The check's command line. */
    private static final CommandSyntax SYNTAX = new CommandSyntax("socketstage --check-program",
            "Checks your own server's error handling: each check starts it afresh under the tracer,"
                    + " injects a fault or plays a client, and judges what the program does.")
            .flag("check-program", "Run the check (this command).")
            .value("port", "N", "The port the program should listen on (give it the same port in its own arguments)."
                    + " Default: the port it listens on at its first start.")
            .value("expect", "echo|none", "What the program does with a client's line: echo it back, or anything"
                    + " (then only its calls are judged). Default " + DEFAULT_EXPECT + ".")
            .path("report", "FILE", "Also write the report to FILE as JSON.")
            .path("dir", "DIR", "The folder to start the program in. Default: the current one.")
            .operands("-- CMD [ARGS...]");

    private String port;
    private String expect;
    private Path report;
    private Path dir;
    /** The program and its arguments, after --. */
    private List<String> command;

    private CheckProgramCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        OptionParsing.Read read = OptionParsing.read(SYNTAX, args, out, err,
                "put the program after --, e.g. --check-program -- ./server 9090");
        if (!read.proceeds()) {
            return read.helped() ? ALL_PASSED : BAD_INPUT;
        }
        GivenOptions given = read.options();
        CheckProgramCommand options = new CheckProgramCommand();
        options.port = given.text("port");
        options.expect = Objects.requireNonNullElse(given.text("expect"), DEFAULT_EXPECT);
        options.report = given.path("report");
        options.dir = given.path("dir");
        options.command = given.operands();
        List<String> problems = new ArrayList<>();
        Optional<CheckSettings> settings = options.settings(problems);
        if (settings.isEmpty()) {
            problems.forEach(p -> err.println("socketstage: " + p));
            return BAD_INPUT;
        }
        Optional<String> unsupported = Tracing.unsupportedReason();
        if (unsupported.isPresent()) {
            err.println("socketstage: " + unsupported.get());
            return BAD_INPUT;
        }
        if (options.report != null && !writable(options.report)) {
            err.println("socketstage: --report: cannot write " + options.report);
            return BAD_INPUT;
        }
        out.println(CheckReport.heading(settings.get()));
        out.println();
        CheckReport result;
        try {
            result = ProgramCheck.run(settings.get(), r -> {
                out.print(CheckReport.text(r));
                out.println();
                out.flush();
            });
        } catch (TraceFailure f) {
            err.println("socketstage: " + f.getMessage());
            return f.kind() == TraceFailure.Kind.NOT_SUPPORTED ? BAD_INPUT : FAILED;
        }
        out.println(result.totals());
        if (options.report != null) {
            try {
                Files.writeString(options.report, result.json(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("socketstage: --report: cannot write " + options.report + " (" + e.getMessage() + ")");
                return FAILED;
            }
        }
        return result.allPassed() ? ALL_PASSED : FAILED;
    }

    private Optional<CheckSettings> settings(List<String> problems) {
        if (command.isEmpty()) {
            problems.add("--check-program: give the program after --, e.g. --check-program --port 9090 -- ./echo_server 9090");
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
        Optional<Expect> e = Expect.fromOption(expect);
        if (e.isEmpty()) {
            problems.add("--expect: must be echo or none (got \"" + expect + "\")");
        }
        if (dir != null && !Files.isDirectory(dir)) {
            problems.add("--dir: not a folder: " + dir);
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CheckSettings(new ProgramCommand(command, dir), p, e.orElseThrow()));
    }

    private static boolean writable(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null && Files.isDirectory(parent) && (!Files.exists(file) || Files.isWritable(file));
    }

    /** True when these arguments ask for the check (--check-program before the --). */
    public static boolean wanted(String... args) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            if (a.equals("--check-program")) {
                return true;
            }
        }
        return false;
    }
}
