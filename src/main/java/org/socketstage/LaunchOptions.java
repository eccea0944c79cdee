package org.socketstage;

import org.socketstage.settings.CommandSyntax;
import org.socketstage.settings.GivenOptions;
import org.socketstage.settings.OptionParsing;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.socketstage.instructor.ScenarioCatalog;
import org.socketstage.socket.SocketBackend;
import org.socketstage.settings.ServerOptions;
import org.socketstage.settings.ServerConfig;
import org.socketstage.ui.trace.ProgramLaunch;

/**
 * The options of the windowed app (the trace mode has its own, see TraceOptions). Parsed once by Main to
 * reject bad input before any window opens, and again by the app from its raw parameters.
 */
public final class LaunchOptions {

    /** The window's command line. */
    static final CommandSyntax SYNTAX = ServerOptions.addTo(new CommandSyntax("socketstage",
            "Teaches how a TCP server works by running one for real. The server options below apply to this run of"
                    + " the window; --no-gui runs the same server without a window (--no-gui --help).")
            .value("scenario", "NAME", "Open straight into an instructor's demonstration (see --list-scenarios).")
            .flag("autostart", "Start the server as soon as the window opens.")
            .flag("present", "Open in the presentation layout for a projector: the lane and the stage fill the window"
                    + " in large text (View > Presentation, F5).")
            .flag("list-scenarios", "Print the scenario names and exit.")
            .path("lessons", "DIR", "Also load lessons from this folder (an instructor's own).")
            .path("check-lessons", "DIR", "Check the lesson files in DIR, print a summary or the problems, exit 0 or 1.")
            .flag("program", "Trace your own server, given after --, instead of running SocketStage's (Linux). --port"
                    + " is then the port it should use.")
            .path("source", "FILE", "With --program: the program's source file, shown in the Program tab.")
            .path("dir", "DIR", "With --program: the folder to start it in. Default: the current one.")
            .operands("[-- CMD [ARGS...]]"));

    String scenario;
    boolean autostart;
    boolean present;
    boolean listScenarios;
    Path lessonsDir;
    Path checkLessons;
    boolean program;
    Path source;
    Path dir;
    /** With --program: the program and its arguments, after --. */
    List<String> command = new ArrayList<>();
    ServerOptions server = new ServerOptions();

    private boolean portGiven;

    private ServerOptions.Checked checkedServer;

    public Optional<String> scenario() {
        return Optional.ofNullable(scenario);
    }

    public boolean autostart() {
        return autostart;
    }

    public boolean present() {
        return present;
    }

    public Optional<Path> lessonsDir() {
        return Optional.ofNullable(lessonsDir);
    }

    /** The server options, checked (the same rules and messages as the trace mode's). */
    public ServerOptions.Checked server() {
        if (checkedServer == null) {
            checkedServer = server.check();
        }
        return checkedServer;
    }

    /** True when a server setting was given at launch (it applies to this run, over the remembered ones). */
    public boolean anyServerSetting() {
        return server.anySetting();
    }

    public Optional<SocketBackend> backend() {
        return server().backend();
    }

    /** The program --program asks to trace, with its folder, port and source; empty without --program. */
    public Optional<ProgramLaunch> program() {
        if (!program) {
            return Optional.empty();
        }
        OptionalInt port = portGiven
                ? OptionalInt.of(server().settings().apply(ServerConfig.defaults()).port()) : OptionalInt.empty();
        return Optional.of(new ProgramLaunch(command, dir, port, Optional.ofNullable(source)));
    }

    /** Options for a window with nothing on the command line. */
    public static LaunchOptions none() {
        return new LaunchOptions();
    }

    /** Parses and checks; on bad input writes the message to err and returns empty. */
    public static Optional<LaunchOptions> parse(String[] args, PrintStream err) {
        Optional<GivenOptions> parsed = OptionParsing.parseOrExplain(SYNTAX, args, err, "");
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        LaunchOptions options = from(parsed.get());
        if (options.scenario != null && ScenarioCatalog.byName(options.scenario).isEmpty()) {
            err.println("socketstage: --scenario: " + ScenarioCatalog.unknownNameMessage(options.scenario));
            return Optional.empty();
        }
        if (options.lessonsDir != null && !Files.isDirectory(options.lessonsDir)) {
            err.println("socketstage: --lessons: " + options.lessonsDir + " is not a folder (give the folder that holds the lesson .md files)");
            return Optional.empty();
        }
        if (options.program && options.command.isEmpty()) {
            err.println("socketstage: --program: give the program to trace after --, e.g. --program -- ./echo_server 9090");
            return Optional.empty();
        }
        if (!options.program && !options.command.isEmpty()) {
            err.println("socketstage: " + String.join(" ", options.command) + ": not an option (to trace your own"
                    + " server, give --program, then the program after --)");
            return Optional.empty();
        }
        if (options.source != null && !Files.isRegularFile(options.source)) {
            err.println("socketstage: --source: cannot read " + options.source);
            return Optional.empty();
        }
        if (options.dir != null && !Files.isDirectory(options.dir)) {
            err.println("socketstage: --dir: not a folder: " + options.dir);
            return Optional.empty();
        }
        ServerOptions.Checked server = options.server();
        if (!server.ok()) {
            server.problems().forEach(p -> err.println("socketstage: " + p));
            return Optional.empty();
        }
        server.warnings().forEach(w -> err.println("socketstage: warning: " + w));
        return Optional.of(options);
    }

    private static LaunchOptions from(GivenOptions given) {
        LaunchOptions o = new LaunchOptions();
        o.scenario = given.text("scenario");
        o.autostart = given.flag("autostart");
        o.present = given.flag("present");
        o.listScenarios = given.flag("list-scenarios");
        o.lessonsDir = given.path("lessons");
        o.checkLessons = given.path("check-lessons");
        o.program = given.flag("program");
        o.source = given.path("source");
        o.dir = given.path("dir");
        o.portGiven = given.text("port") != null; // the parser saw it before any "--": the program's own --port is not ours
        o.command = new ArrayList<>(given.operands());
        o.server = ServerOptions.from(given);
        return o;
    }

    static void usage(PrintStream out) {
        OptionParsing.usage(SYNTAX, out);
    }
}
