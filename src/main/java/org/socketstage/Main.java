package org.socketstage;

import java.util.Arrays;
import org.socketstage.trace.TraceMode;

/**
 * Entry point. With {@code --no-gui} it runs the headless trace mode; otherwise it opens the window.
 * Not an Application subclass, so that {@code java -jar} works with JavaFX on the class path.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--no-gui")) {
            System.exit(runTrace(args));
        }
        System.err.println("socketstage: the window is not built yet; run with --no-gui for the trace mode");
        System.exit(TraceMode.BAD_OPTIONS);
    }

    private static int runTrace(String[] args) {
        TraceMode trace = new TraceMode(System.in, System.out, System.err);
        StopSignals.install(trace::requestStop);
        return trace.run(args);
    }
}
