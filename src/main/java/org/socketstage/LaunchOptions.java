package org.socketstage;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.socketstage.instructor.ScenarioCatalog;
import org.socketstage.socket.SocketBackend;
import picocli.CommandLine;
import org.socketstage.settings.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the windowed app (the trace mode has its own, see TraceOptions). Parsed once by Main to
 * reject bad input before any window opens, and again by the app from its raw parameters.
 */
@Command(name = "socketstage", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Teaches how a TCP server works by running one for real. The server options below apply to this run of the window; --no-gui runs the same server without a window (--no-gui --help).")
public final class LaunchOptions {

    @Option(names = "--scenario", paramLabel = "NAME", description = "Open straight into an instructor's demonstration (see --list-scenarios).")
    String scenario;

    @Option(names = "--autostart", description = "Start the server as soon as the window opens.")
    boolean autostart;

    @Option(names = "--present", description = "Open in the presentation layout for a projector: the lane and the stage fill the window in large text (View > Presentation, F5).")
    boolean present;

    @Option(names = "--list-scenarios", description = "Print the scenario names and exit.")
    boolean listScenarios;

    @Option(names = "--lessons", paramLabel = "DIR", description = "Also load lessons from this folder (an instructor's own).")
    Path lessonsDir;

    @Option(names = "--check-lessons", paramLabel = "DIR", description = "Check the lesson files in DIR, print a summary or the problems, exit 0 or 1.")
    Path checkLessons;

    @Mixin
    ServerOptions server = new ServerOptions();

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

    /** Options for a window with nothing on the command line. */
    public static LaunchOptions none() {
        return new LaunchOptions();
    }

    /** Parses and checks; on bad input writes the message to err and returns empty. */
    public static Optional<LaunchOptions> parse(String[] args, PrintStream err) {
        LaunchOptions options = new LaunchOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("socketstage: " + e.getMessage());
            err.println("Accepted options:");
            cli.usage(err);
            return Optional.empty();
        }
        if (options.scenario != null && ScenarioCatalog.byName(options.scenario).isEmpty()) {
            err.println("socketstage: --scenario: " + ScenarioCatalog.unknownNameMessage(options.scenario));
            return Optional.empty();
        }
        if (options.lessonsDir != null && !Files.isDirectory(options.lessonsDir)) {
            err.println("socketstage: --lessons: " + options.lessonsDir + " is not a folder (give the folder that holds the lesson .md files)");
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


    static void usage(PrintStream out) {
        new CommandLine(new LaunchOptions()).usage(out);
    }
}
