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
import java.util.concurrent.CountDownLatch;
import org.socketstage.event.EventBus;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.LifecycleServer;
import org.socketstage.settings.PacingMode;
import org.socketstage.server.ProcKernelView;
import org.socketstage.event.ServerState;
import org.socketstage.server.StepGate;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SocketBackend;
import picocli.CommandLine;

/**
 * The headless trace mode: the same engine as the GUI, printing one strace-style line per completed call.
 * Exit codes: 0 after a clean stop (SIGINT/SIGTERM), 1 when socket/bind/listen failed, 2 for bad options.
 */
public final class TraceMode {

    public static final int OK = 0;
    public static final int SERVER_FAILED = 1;
    public static final int BAD_OPTIONS = 2;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    public TraceMode(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Asks a running trace to stop cleanly, as SIGINT does. */
    public void requestStop() {
        stopRequested.countDown();
    }

    public int run(String... args) {
        if (ProgramOptions.wanted(args)) {
            return new ProgramTrace(in, out, err, stopRequested).run(args);
        }
        TraceOptions options = new TraceOptions();
        CommandLine cli = new CommandLine(options);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("socketstage: " + e.getMessage());
            err.println("Accepted options:");
            cli.usage(err);
            return BAD_OPTIONS;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(out);
            return OK;
        }
        TraceOptions.Checked checked = options.check();
        if (!checked.problems().isEmpty()) {
            checked.problems().forEach(p -> err.println("socketstage: " + p));
            return BAD_OPTIONS;
        }
        SocketApi api = checked.backend().map(SocketBackend::create).orElseGet(SocketBackend::auto);
        BufferedWriter transcript = null;
        if (checked.transcript().isPresent()) {
            try {
                transcript = Files.newBufferedWriter(checked.transcript().get(), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                err.println("socketstage: --transcript: cannot write " + checked.transcript().get() + " (" + e.getMessage() + ")");
                return BAD_OPTIONS;
            }
        }
        return serve(checked, api, transcript);
    }

    private int serve(TraceOptions.Checked checked, SocketApi api, BufferedWriter transcript) {
        EventBus bus = new EventBus();
        StepGate gate = new StepGate(checked.mode(), checked.delayMillis());
        TraceOutput output = new TraceOutput(out, transcript, checked.mode() == PacingMode.STEP);
        EventBus.Subscription subscription = bus.subscribe("trace", output);
        LifecycleServer server = new LifecycleServer(checked.config(), api, gate, bus, new FaultPlan(), new ProcKernelView());
        if (checked.mode() == PacingMode.STEP) {
            startStepReader(gate);
        }
        Thread watcher = new Thread(() -> {
            server.awaitEnd(Duration.ofDays(365));
            stopRequested.countDown();
        }, "socketstage-trace-wait");
        watcher.setDaemon(true);
        server.start();
        watcher.start();
        awaitStopRequest();
        server.stop(Duration.ofSeconds(1));
        try {
            subscription.drain(2000);
            subscription.close();
            output.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            err.println("socketstage: transcript: " + e.getMessage());
        }
        return server.state() == ServerState.FAILED ? SERVER_FAILED : OK;
    }

    private void awaitStopRequest() {
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** In step mode each Enter performs the next call; if input ends, the run goes on in live mode. */
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
