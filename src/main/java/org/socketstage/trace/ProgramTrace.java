package org.socketstage.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerState;
import org.socketstage.record.Transcript;
import org.socketstage.server.LinuxKernelView;
import org.socketstage.session.Session;
import org.socketstage.session.SessionSetup;
import org.socketstage.settings.OptionParsing;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.socket.SocketBackend;
import org.socketstage.tracer.ProgramOutput;
import org.socketstage.tracer.ProgramSource;
import org.socketstage.tracer.TraceFailure;
import org.socketstage.tracer.TracedProgram;
import org.socketstage.tracer.Tracing;

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
        OptionParsing.Read read = OptionParsing.read(ProgramOptions.SYNTAX, args, out, err,
                "put the program after --, e.g. --program -- ./server 9090");
        if (!read.proceeds()) {
            return read.helped() ? TraceMode.OK : TraceMode.BAD_OPTIONS;
        }
        ProgramOptions.Checked checked = ProgramOptions.from(read.options()).check();
        if (!checked.problems().isEmpty()) {
            checked.problems().forEach(p -> err.println("socketstage: " + p));
            return TraceMode.BAD_OPTIONS;
        }
        Optional<String> unsupported = Tracing.unsupportedReason();
        if (unsupported.isPresent()) {
            err.println("socketstage: " + unsupported.get());
            return TraceMode.BAD_OPTIONS;
        }
        EventBus bus = new EventBus();
        Transcript transcript = null;
        if (checked.transcript().isPresent()) {
            try {
                // before anything is published, so the file starts at the first event
                transcript = Transcript.open(checked.transcript().get(), bus, p -> err.println("socketstage: " + p));
            } catch (IOException e) {
                err.println("socketstage: --transcript: " + e.getMessage());
                return TraceMode.BAD_OPTIONS;
            }
        }
        return trace(checked, bus, transcript);
    }

    /**
     * The program is the server a session runs: its calls go on the session's bus, wait at the session's step
     * gate and meet the session's faults; closing the session ends it and its children.
     */
    private int trace(ProgramOptions.Checked checked, EventBus bus, Transcript transcript) {
        TraceOutput output = new TraceOutput(out, checked.mode() == PacingMode.STEP,
                () -> err.println("socketstage: standard output stopped taking lines; the rest are counted, not printed"));
        EventBus.Subscription printing = bus.subscribe("stdout", e -> true, output, EventBus.DEFAULT_QUEUE_CAPACITY,
                EventBus.Delivery.KEEP_ALL, TraceMode.STDOUT_QUIET);
        printing.alsoCountLost(output::notPrinted);
        Session session = new Session(new SessionSetup(bus, SocketBackend.auto(), () -> new LinuxKernelView(
                TraceMode.KERNEL_INTERVAL), ServerConfig.defaults(), checked.mode(), checked.delayMillis()));
        session.reportLossesOnClose(false);
        AtomicReference<TracedProgram> made = new AtomicReference<>();
        ProgramSource source = new ProgramSource(checked.command(), checked.injections(), ProgramOutput.NONE);
        session.useServerSource(parts -> {
            TracedProgram p = source.create(parts);
            made.set(p);
            return p;
        });
        checked.source().ifPresent(s -> out.println("[socketstage] source: " + s));
        int code;
        try {
            session.start().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            err.println("socketstage: could not start the program: " + e.getCause());
        }
        TracedProgram program = made.get();
        if (program == null || program.failureKind().isPresent()) {
            // it could not be traced at all: the reason was published and is said once here
            String reason = program == null ? "the program could not be started" : program.failure().get();
            err.println("socketstage: " + reason);
            code = program != null && program.failureKind().orElse(null) == TraceFailure.Kind.NOT_SUPPORTED
                    ? TraceMode.BAD_OPTIONS : TraceMode.SERVER_FAILED;
            session.close();
            finish(printing, transcript);
            return code;
        }
        if (checked.mode() == PacingMode.STEP) {
            StepReader.start(in, out, session.gate());
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
        session.close();
        program.awaitEnd(STOP_TIMEOUT);
        finish(printing, transcript);
        if (program.failure().isPresent()) {
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

    /** Prints what is still queued, then ends the transcript with its totals. */
    private void finish(EventBus.Subscription printing, Transcript transcript) {
        printing.closeAndDrain(TraceMode.STDOUT_QUIET);
        if (transcript != null) {
            Transcript.Summary summary = transcript.finish();
            if (summary.fileIncomplete()) {
                err.println("socketstage: the transcript " + summary.file() + " is incomplete"
                        + (summary.failure() != null ? ": " + summary.failure() : ""));
            }
        }
    }

}
