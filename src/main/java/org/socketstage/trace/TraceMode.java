package org.socketstage.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.socketstage.event.EventBus;
import org.socketstage.event.EventTypes;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.record.Transcript;
import org.socketstage.server.LinuxKernelView;
import org.socketstage.server.Server;
import org.socketstage.session.Session;
import org.socketstage.session.SessionSetup;
import org.socketstage.settings.OptionParsing;
import org.socketstage.settings.PacingMode;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SocketBackend;

/**
 * The headless trace mode: the same engine as the GUI, printing one strace-style line per completed call.
 *
 * <p>Exit status: 0 after a clean stop (SIGINT/SIGTERM) with every event printed and, with {@code --transcript},
 * written; 1 when socket/bind/listen failed; 2 for bad options; 3 when some events were not printed because
 * standard output was blocked for a second or more (a paused terminal, a pipe nobody reads) or closed (the
 * transcript, if any, still has every one); 4 when the transcript is incomplete (the disk was full). Every loss
 * is also said on standard error with its count, and written in the transcript's last record.
 *
 * <p>Standard output sets the pace, as with strace: while the terminal takes lines, the server waits for it
 * rather than losing any; a terminal that takes nothing for a second stops holding the server back.
 */
public final class TraceMode {

    public static final int OK = 0;
    public static final int SERVER_FAILED = 1;
    public static final int BAD_OPTIONS = 2;
    public static final int EVENTS_NOT_PRINTED = 3;
    public static final int TRANSCRIPT_INCOMPLETE = 4;
    /**
     * Standard output that takes nothing for this long stops holding the server back and loses lines (counted)
     * until it moves again; at the end it is given up on after this long.
     */
    static final Duration STDOUT_QUIET = Duration.ofSeconds(1);
    /**
     * The trace mode looks at the kernel's table when a connection is accepted or closed, and otherwise every
     * 2 s while calls are paced (clients may queue while a call waits for Enter), every 5 s live (the server
     * accepts at once, so its accept and close calls already say when to look). While only the idle listener is
     * there a look asks the kernel for the listeners alone, which costs next to nothing; a whole read (the kernel
     * walks its table of connections, about 5 ms) comes when something changed, and at least every 10 s.
     */
    static final Duration KERNEL_INTERVAL = Duration.ofSeconds(2);
    static final Duration KERNEL_INTERVAL_LIVE = Duration.ofSeconds(5);
    /** After the session's own stop timeout, how long the server's last calls may still take to be reported. */
    static final Duration END_WAIT = Duration.ofSeconds(10);

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
        OptionParsing.Read read = OptionParsing.read(TraceOptions.SYNTAX, args, out, err, "");
        if (!read.proceeds()) {
            return read.helped() ? OK : BAD_OPTIONS;
        }
        TraceOptions.Checked checked = TraceOptions.from(read.options()).check();
        if (!checked.problems().isEmpty()) {
            checked.problems().forEach(p -> err.println("socketstage: " + p));
            return BAD_OPTIONS;
        }
        SocketApi api = checked.backend().map(SocketBackend::create).orElseGet(SocketBackend::auto);
        EventBus bus = new EventBus();
        Transcript transcript = null;
        if (checked.transcript().isPresent()) {
            try {
                // before anything is published, so the file starts at the first event
                transcript = Transcript.open(checked.transcript().get(), bus, p -> err.println("socketstage: " + p));
            } catch (IOException e) {
                err.println("socketstage: --transcript: " + e.getMessage());
                return BAD_OPTIONS;
            }
        }
        return serve(checked, api, bus, transcript);
    }

    private int serve(TraceOptions.Checked checked, SocketApi api, EventBus bus, Transcript transcript) {
        checked.warnings().forEach(w -> err.println("socketstage: warning: " + w));
        TraceOutput output = new TraceOutput(out, checked.mode() == PacingMode.STEP,
                () -> err.println("socketstage: standard output stopped taking lines; the rest are counted, not printed"));
        // the terminal sets the pace, like strace's: only one that takes nothing for a second loses lines
        // a call about to start prints nothing unless Enter makes it: the printer does not even read those events
        Predicate<ServerEvent> printed = checked.mode() == PacingMode.STEP ? e -> true
                : EventTypes.allBut(ServerEvent.CallStarted.class, ServerEvent.CallHeld.class,
                        ServerEvent.SettingsChanged.class, ServerEvent.PacingChanged.class);
        EventBus.Subscription printing = bus.subscribe("stdout", printed, output, EventBus.DEFAULT_QUEUE_CAPACITY,
                EventBus.Delivery.KEEP_ALL, STDOUT_QUIET);
        printing.alsoCountLost(output::notPrinted);
        Duration kernelInterval = checked.mode() == PacingMode.LIVE ? KERNEL_INTERVAL_LIVE : KERNEL_INTERVAL;
        Session session = new Session(new SessionSetup(bus, api, () -> new LinuxKernelView(kernelInterval), checked.config(),
                checked.mode(), checked.delayMillis()));
        session.reportLossesOnClose(false);
        if (checked.mode() == PacingMode.STEP) {
            StepReader.start(in, out, session.gate());
        }
        try {
            session.start().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            err.println("socketstage: could not start the server: " + e.getCause());
        }
        Server server = session.server().orElse(null);
        if (server != null) {
            Thread watcher = new Thread(() -> {
                server.awaitEnd(Duration.ofDays(365));
                stopRequested.countDown();
            }, "socketstage-trace-wait");
            watcher.setDaemon(true);
            watcher.start();
            awaitStopRequest();
        }
        session.close();
        if (server != null && !server.awaitEnd(END_WAIT)) {
            err.println("socketstage: the server did not end within " + END_WAIT.toSeconds() + " s of the stop");
        }
        // every event of the run is published now: print what is queued, then finish the file with the totals
        printing.closeAndDrain(STDOUT_QUIET);
        Transcript.Summary summary = transcript == null ? null : transcript.finish();
        boolean failed = server == null || server.state() == ServerState.FAILED;
        return report(bus, summary, failed);
    }

    /** Says every loss on standard error and picks the exit status (see the class comment). */
    private int report(EventBus bus, Transcript.Summary summary, boolean serverFailed) {
        long published = bus.lastSeq();
        Map<String, Long> losses = bus.losses();
        long notPrinted = losses.getOrDefault("stdout", 0L);
        if (notPrinted > 0) {
            err.println("socketstage: " + notPrinted + " of " + published + " events were not printed: standard output"
                    + " took nothing for " + STDOUT_QUIET.toSeconds() + " s or more (a paused terminal, a pipe nobody"
                    + " reads)" + (summary != null && !summary.fileIncomplete()
                            ? " (the transcript " + summary.file() + " has every one)" : ""));
        }
        losses.forEach((who, n) -> {
            if (!who.equals("stdout") && !who.equals("transcript")) {
                err.println("socketstage: " + n + " events did not reach " + who);
            }
        });
        if (summary != null && summary.fileIncomplete()) {
            long missing = Math.max(0, published - summary.events());
            err.println("socketstage: the transcript " + summary.file() + " is incomplete: it has " + summary.events()
                    + " of " + published + " events (" + missing + " missing)"
                    + (summary.failure() != null ? ": " + summary.failure() : ""));
        }
        if (serverFailed) {
            return SERVER_FAILED;
        }
        if (summary != null && summary.fileIncomplete()) {
            return TRANSCRIPT_INCOMPLETE;
        }
        return losses.isEmpty() ? OK : EVENTS_NOT_PRINTED;
    }
    private void awaitStopRequest() {
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
