package org.socketstage;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.application.Application;
import org.socketstage.instructor.ScenarioCatalog;
import org.socketstage.lessons.LessonCheck;
import org.socketstage.socket.SocketBackend;
import org.socketstage.trace.TraceMode;
import org.socketstage.tracer.check.CheckProgramCommand;
import org.socketstage.ui.EarlyLessons;
import org.socketstage.ui.EarlyWindowModel;
import org.socketstage.ui.WindowOnQuickJit;
import org.socketstage.ui.RenderingChoice;
import org.socketstage.ui.SocketStageApp;

/**
 * Entry point. With {@code --no-gui} it runs the headless trace mode; the author and instructor options
 * that print and exit are handled here; anything else opens the window. Not an Application subclass, so
 * that {@code java -jar} works with JavaFX on the class path.
 */
public final class Main {

    public static final int BAD_OPTIONS = 2;
    /** The window cannot open (no display to open it on). */
    public static final int NO_WINDOW = 1;
    static final String NO_DISPLAY = "socketstage: no display: use --no-gui, or set DISPLAY";

    private Main() {}

    public static void main(String[] args) {
        // before the trace mode's own options, so "--no-gui --version" prints the version too
        if (printVersion(args, System.out)) {
            System.exit(0);
        }
        // every path from here on opens sockets: libc is loaded while the options are parsed
        SocketBackend.loadNativeEarly();
        if (CheckProgramCommand.wanted(args)) {
            System.exit(CheckProgramCommand.run(args, System.out, System.err));
        }
        if (Arrays.asList(args).contains("--no-gui")) {
            System.exit(runTrace(args));
        }
        openWindow(SocketStageApp.class, args);
    }

    /**
     * Opens the window of {@code app} (SocketStageApp, or the window benchmark's probe of it), or prints and exits
     * for the options that need no window and for bad options. While the toolkit starts, the lessons are parsed
     * and the window's model is built on threads of their own.
     */
    public static void openWindow(Class<? extends Application> app, String[] args) {
        // most likely the window opens: its lessons are parsed meanwhile, on a thread of their own
        EarlyLessons.startReading();
        Optional<LaunchOptions> options = LaunchOptions.parse(args, System.err);
        OptionalInt done = options.isEmpty() ? OptionalInt.of(BAD_OPTIONS)
                : handleWithoutWindow(args, options.get(), System.out);
        if (done.isPresent()) {
            System.exit(done.getAsInt());
        }
        if (!displayAvailable(System.getenv("DISPLAY"), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"))) {
            System.err.println(NO_DISPLAY);
            System.exit(NO_WINDOW);
        }
        // on a machine without a GPU, JavaFX's software renderer at once instead of loading OpenGL to find that out
        RenderingChoice.applyBeforeToolkit();
        // the window runs on the quick JIT alone: the optimising one took a core from it as a class connected
        WindowOnQuickJit.applySoon();
        // the settings, the session and the ViewModels need no toolkit: they are made while it starts
        EarlyWindowModel.startBuilding(args, options.get());
        try {
            Application.launch(app, args);
        } catch (RuntimeException | Error e) {
            // the window never opened: the session made for it ends here
            EarlyWindowModel.discard();
            if (String.valueOf(e.getMessage()).contains("DISPLAY")) {
                // the toolkit's own words for the same thing, after it tried
                System.err.println(NO_DISPLAY);
                System.exit(NO_WINDOW);
            }
            throw e;
        }
    }

    /**
     * On Linux and the other X11 systems JavaFX opens its window through the X display named by DISPLAY (also
     * under Wayland, through XWayland); without one it fails with a stack trace. macOS and Windows need none, and
     * a headless platform chosen with -Dglass.platform (Monocle) needs none either.
     */
    static boolean displayAvailable(String display, String osName, String glassPlatform) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("mac") || os.contains("win") || (glassPlatform != null && !glassPlatform.isBlank())) {
            return true;
        }
        return display != null && !display.isBlank();
    }

    /**
     * Handles the options that print and exit (and bad options). Returns the exit code, or empty when the
     * window should open.
     */
    static OptionalInt handleWithoutWindow(String[] args, PrintStream out, PrintStream err) {
        Optional<LaunchOptions> parsed = LaunchOptions.parse(args, err);
        return parsed.isEmpty() ? OptionalInt.of(BAD_OPTIONS) : handleWithoutWindow(args, parsed.get(), out);
    }

    /** The same for options already parsed and checked. */
    static OptionalInt handleWithoutWindow(String[] args, LaunchOptions options, PrintStream out) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            LaunchOptions.usage(out);
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

    /** With --version (or -V) anywhere, prints the version and the source revision and returns true. */
    static boolean printVersion(String[] args, PrintStream out) {
        if (List.of(args).contains("--version") || List.of(args).contains("-V")) {
            out.println(BuildInfo.current().versionLine());
            return true;
        }
        return false;
    }

    private static int runTrace(String[] args) {
        TraceMode trace = new TraceMode(System.in, System.out, System.err);
        StopSignals.install(trace::requestStop);
        return trace.run(args);
    }
}
