package org.socketstage;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.application.Application;
import org.socketstage.instructor.ScenarioCatalog;
import org.socketstage.lessons.LessonCheck;
import org.socketstage.trace.TraceMode;
import org.socketstage.tracer.check.CheckProgramCommand;
import org.socketstage.ui.SocketStageApp;

/**
 * Entry point. With {@code --no-gui} it runs the headless trace mode; the author and instructor options
 * that print and exit are handled here; anything else opens the window. Not an Application subclass, so
 * that {@code java -jar} works with JavaFX on the class path.
 */
public final class Main {

    public static final int BAD_OPTIONS = 2;

    private Main() {}

    public static void main(String[] args) {
        if (CheckProgramCommand.wanted(args)) {
            System.exit(CheckProgramCommand.run(args, System.out, System.err));
        }
        if (Arrays.asList(args).contains("--no-gui")) {
            System.exit(runTrace(args));
        }
        OptionalInt done = handleWithoutWindow(args, System.out, System.err);
        if (done.isPresent()) {
            System.exit(done.getAsInt());
        }
        Application.launch(SocketStageApp.class, args);
    }

    /**
     * Handles the options that print and exit (and bad options). Returns the exit code, or empty when the
     * window should open.
     */
    static OptionalInt handleWithoutWindow(String[] args, PrintStream out, PrintStream err) {
        Optional<LaunchOptions> parsed = LaunchOptions.parse(args, err);
        if (parsed.isEmpty()) {
            return OptionalInt.of(BAD_OPTIONS);
        }
        LaunchOptions options = parsed.get();
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            LaunchOptions.usage(out);
            return OptionalInt.of(0);
        }
        if (List.of(args).contains("--version") || List.of(args).contains("-V")) {
            out.println("SocketStage");
            return OptionalInt.of(0);
        }
        if (options.listScenarios) {
            ScenarioCatalog.names().forEach(out::println);
            return OptionalInt.of(0);
        }
        if (options.checkLessons != null) {
            return OptionalInt.of(LessonCheck.run(options.checkLessons, out));
        }
        return OptionalInt.empty();
    }

    private static int runTrace(String[] args) {
        TraceMode trace = new TraceMode(System.in, System.out, System.err);
        StopSignals.install(trace::requestStop);
        return trace.run(args);
    }
}
