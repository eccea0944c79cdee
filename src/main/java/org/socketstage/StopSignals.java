package org.socketstage;

/**
 * Turns SIGINT and SIGTERM into a clean stop (close every socket, exit 0) instead of the JVM's default
 * abrupt exit with status 130/143. sun.misc.Signal is the JDK's supported way to do this on the class path.
 */
public final class StopSignals {

    private StopSignals() {}

    public static void install(Runnable onStop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> onStop.run());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // this platform does not deliver that signal to Java; the default behaviour stays
            }
        }
    }
}
