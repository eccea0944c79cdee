package org.socketstage.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the window's JVM on HotSpot's quick JIT, C1, alone: the optimising C2 may compile nothing once the window
 * opens. The trace mode, which never comes here, keeps both.
 *
 * <p>Why: when fifty students connect in the first minute, C2 compiles JavaFX's CSS, layout and software renderer,
 * the collections under them and the server's code for the first time, taking most of a core of two and about
 * 50 MB of memory for half a minute, so the window stuttered exactly when the class was watching. Window
 * benchmark, frame-gap p99 over the first 30 s of 50 paced clients (30 Nov 2026, one run each): 91-111 ms with
 * C2; 61 ms with this directive; 41-46 ms with the whole JVM on C1 ({@code -XX:TieredStopAtLevel=1}, which also
 * skips the profiling C1 does for C2); excluding only JavaFX's and the panes' classes from C2, 91 ms. Resident
 * memory under that load 250-272 MB with C2, 228 MB with this. C1's code is slower, which the window's own server
 * shows under a flood (about 4,700 echoes a second instead of 7,000, still far above a class's load), and the
 * trace mode's echo lost a quarter of its speed with the whole app on C1: hence a choice made by the window at
 * run time rather than a launch option, which the installed launcher would impose on the trace mode too
 * ({@code ./mvnw javafx:run}, which launches only the window, does give the option: pom property window.jit). A
 * method that C2 may not compile is compiled by C1 without profiling, HotSpot's own choice for such methods.
 *
 * <p>It is HotSpot's compiler-directives feature (JEP 165), added through the JVM's diagnostic command
 * {@code Compiler.directives_add} (the one {@code jcmd} uses), so it needs no launch option. Where that command is
 * missing (another JVM, a runtime without {@code jdk.management}) nothing changes and the window runs as before.
 */
public final class WindowOnQuickJit {

    /** Every method: the first directive that matches a method applies, and this one matches all. */
    static final String EVERY_METHOD = "*.*";

    private static final System.Logger LOG = System.getLogger(WindowOnQuickJit.class.getName());
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private WindowOnQuickJit() {}

    /** The directive, in HotSpot's JSON-like format: every method excluded from C2. */
    static String directive() {
        return "[ { match: [\"" + EVERY_METHOD + "\"], c2: { Exclude: true } } ]";
    }

    /**
     * Adds the directive on a thread of its own, started now: the JVM's management server it goes through takes
     * about 0.3 s to start, which the window's start need not wait for. Call before the toolkit starts; the
     * directive is in place well before a class's load makes the window's code hot.
     */
    public static void applySoon() {
        Thread t = new Thread(WindowOnQuickJit::apply, "socketstage-jit-choice");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Adds the directive to this JVM; call before the toolkit starts, so the window's code is compiled under it
     * from the first. Returns whether the JVM took it.
     */
    public static boolean apply() {
        Path file = null;
        try {
            file = Files.createTempFile("socketstage-jit", ".json");
            Files.writeString(file, directive());
            Object answer = invoke("compilerDirectivesAdd", file.toString());
            boolean added = String.valueOf(answer).contains("added");
            if (!added) {
                LOG.log(System.Logger.Level.DEBUG, "compiler directive not taken: " + answer);
            }
            return added;
        } catch (Exception | LinkageError e) {
            // no javax.management types in this method's signature: where the module is missing, this is all that happens
            LOG.log(System.Logger.Level.DEBUG, "compiler directive not added: the window runs as before", e);
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "temporary directive file left: " + file, e);
                }
            }
        }
    }

    /** Takes the last directive added off again (the tests, so the rest of their JVM keeps C2). */
    static void removeLast() throws Exception {
        invoke("compilerDirectivesRemove");
    }

    /** What the JVM's compiler directives are now, as {@code jcmd PID Compiler.directives_print} prints them. */
    static String printed() throws Exception {
        return String.valueOf(invoke("compilerDirectivesPrint"));
    }

    private static Object invoke(String operation, String... arguments) throws Exception {
        return java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName(DIAGNOSTIC_COMMAND), operation, new Object[] {arguments},
                new String[] {String[].class.getName()});
    }
}
