package org.socketstage.trace;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerState;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.StepGate;
import org.socketstage.settings.PacingMode;
import org.socketstage.tracer.ProgramFaults;
import org.socketstage.tracer.ProgramOutput;
import org.socketstage.tracer.TraceFailure;
import org.socketstage.tracer.TracedProgram;
import org.socketstage.tracer.Tracing;
import picocli.CommandLine;

/**
 * The trace mode for a student's own program: runs it under the tracer and prints its socket calls in the
 * same strace-style lines as SocketStage's own server, and what it writes as {@code stdout:} and
 * {@code stderr:} notices in between. Exit codes: 0 when the program ended well or was stopped (Ctrl+C), 1 when it failed, could not be
 * traced, never listened or listened on the wrong port, 2 for bad options or a machine that cannot trace.
 */
final class ProgramTrace {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch stopRequested;

    ProgramTrace(InputStream in, PrintStream out, PrintStream err, CountDownLatch stopRequested) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.stopRequested = stopRequested;
    }

    int run(String... args) {
        ProgramOptions options = new ProgramOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("socketstage: " + e.getMessage() + " (put the program after --, e.g. --program -- ./server 9090)");
            cli.usage(err);
            return TraceMode.BAD_OPTIONS;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return TraceMode.OK;
        }
        ProgramOptions.Checked checked = options.check();
        if (!checked.problems().isEmpty()) {
            checked.problems().forEach(p -> err.println("socketstage: " + p));
            return TraceMode.BAD_OPTIONS;
        }
        Optional<String> unsupported = Tracing.unsupportedReason();
        if (unsupported.isPresent()) {
            err.println("socketstage: " + unsupported.get());
            return TraceMode.BAD_OPTIONS;
        }
        BufferedWriter transcript = null;
        if (checked.transcript().isPresent()) {
            try {
                transcript = Files.newBufferedWriter(checked.transcript().get(), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                err.println("socketstage: --transcript: cannot write " + checked.transcript().get() + " (" + e.getMessage() + ")");
                return TraceMode.BAD_OPTIONS;
            }
        }
        return trace(checked, transcript);
    }

    private int trace(ProgramOptions.Checked checked, BufferedWriter transcript) {
        EventBus bus = new EventBus();
        StepGate gate = new StepGate(checked.mode(), checked.delayMillis());
        TraceOutput output = new TraceOutput(out, transcript, checked.mode() == PacingMode.STEP);
        EventBus.Subscription subscription = bus.subscribe("trace", output);
        TracedProgram program = new TracedProgram(checked.command(), bus, gate, new FaultPlan(),
                new ProgramFaults(checked.injections()), ProgramOutput.NONE);
        checked.source().ifPresent(s -> out.println("[socketstage] source: " + s));
        int code;
        boolean told = false;
        try {
            program.start();
            if (checked.mode() == PacingMode.STEP) {
                startStepReader(gate);
            }
            Thread watcher = new Thread(() -> {
                program.awaitEnd(Duration.ofDays(365));
                stopRequested.countDown();
            }, "socketstage-trace-wait");
            watcher.setDaemon(true);
            watcher.start();
            String problem = checkListening(checked, program);
            if (problem != null) {
                err.println("socketstage: " + problem);
                code = TraceMode.SERVER_FAILED;
            } else {
                awaitStopRequest();
                code = program.state() == ServerState.FAILED ? TraceMode.SERVER_FAILED : TraceMode.OK;
            }
        } catch (TraceFailure f) {
            err.println("socketstage: " + f.getMessage());
            told = true;
            code = f.kind() == TraceFailure.Kind.NOT_SUPPORTED ? TraceMode.BAD_OPTIONS : TraceMode.SERVER_FAILED;
        }
        program.stop(STOP_TIMEOUT);
        finish(subscription, output);
        if (!told && program.failure().isPresent()) {
            code = TraceMode.SERVER_FAILED;
            err.println("socketstage: " + program.failure().get());
        }
        return code;
    }

    /**
     * Waits (bounded, except in step mode) for the program to listen, and checks the port. Returns the
     * problem to report, or null.
     */
    private String checkListening(ProgramOptions.Checked checked, TracedProgram program) {
        boolean bounded = checked.mode() != PacingMode.STEP && checked.listenTimeoutSeconds() > 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(checked.listenTimeoutSeconds());
        while (!program.awaitListening(Duration.ofMillis(100))) {
            if (stopRequested.getCount() == 0 || !program.isRunning()) {
                boolean expected = checked.listenTimeoutSeconds() > 0;
                if (expected && program.exit().isPresent() && program.failure().isEmpty()) {
                    return "the program " + program.exit().get().text() + " before it listened (exits at once)";
                }
                return null;
            }
            if (bounded && System.nanoTime() > deadline) {
                return "the program never listens: no successful listen() within " + checked.listenTimeoutSeconds()
                        + " s (--listen-timeout)";
            }
        }
        int port = program.boundPort();
        if (checked.port().isPresent() && port != checked.port().getAsInt()) {
            int want = checked.port().getAsInt();
            boolean swapped = (((want & 0xff) << 8) | (want >> 8)) == port;
            return "the program listens on port " + port + ", not " + want + (swapped
                    ? ": the two bytes of the port are swapped, as when sin_port is set without htons()" : "");
        }
        return null;
    }

    private void awaitStopRequest() {
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void finish(EventBus.Subscription subscription, TraceOutput output) {
        try {
            subscription.drain(2000);
            subscription.close();
            output.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            err.println("socketstage: transcript: " + e.getMessage());
        }
    }

    /** In step mode each Enter lets the held call run; if input ends, the program goes on in live mode. */
    private void startStepReader(StepGate gate) {
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
