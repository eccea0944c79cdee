package org.socketstage.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.socketstage.server.StepGate;
import org.socketstage.settings.PacingMode;

/**
 * Step mode in a terminal: each Enter lets the held call run. When the input ends (a closed pipe, Ctrl+D) the
 * run goes on in live mode, and says so, rather than waiting for a key that can no longer come.
 */
final class StepReader {

    private StepReader() {}

    /** Starts reading {@code in} on a daemon thread. */
    static void start(InputStream in, PrintStream out, StepGate gate) {
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                while (r.readLine() != null) {
                    gate.step();
                }
            } catch (IOException e) {
                // treated like the end of input
            }
            out.println("[socketstage] standard input ended: going on in live mode");
            gate.setMode(PacingMode.LIVE);
        }, "socketstage-step-reader");
        reader.setDaemon(true);
        reader.start();
    }
}
