package org.socketstage.tracer.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.StraceFormat;
import org.socketstage.event.StraceText;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.StepGate;
import org.socketstage.settings.PacingMode;
import org.socketstage.tracer.Injection;
import org.socketstage.tracer.ProgramFaults;
import org.socketstage.tracer.ProgramOutput;
import org.socketstage.tracer.TracedProgram;

/**
 * One launch of the program under check, traced, with every event and output line kept for judging. Every
 * wait is bounded. Closing it stops the program and everything it started.
 */
final class CheckRun implements AutoCloseable {

    /** What a client got back for a line. */
    record Exchange(boolean ok, byte[] got, String problem) {}

    private static final Duration POLL = Duration.ofMillis(20);

    private final CheckSettings settings;
    private final StepGate gate = new StepGate(PacingMode.LIVE, 0);
    private final EventBus bus = new EventBus();
    private final List<ServerEvent> events = new ArrayList<>();
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final EventBus.Subscription subscription;
    private final TracedProgram program;

    private CheckRun(CheckSettings settings, List<Injection> faults) {
        this.settings = settings;
        this.subscription = bus.subscribe("check", this::record);
        ProgramOutput out = (stream, line) -> output.add((stream == ProgramOutput.Stream.STDERR ? "stderr: " : "stdout: ") + line);
        this.program = new TracedProgram(settings.command(), bus, gate, new FaultPlan(), new ProgramFaults(faults), out);
    }

    /** Starts the program; a TraceFailure means it could not be started or traced at all. */
    static CheckRun start(CheckSettings settings, List<Injection> faults) {
        CheckRun run = new CheckRun(settings, faults);
        try {
            run.program.start();
        } catch (RuntimeException e) {
            run.subscription.close();
            throw e;
        }
        return run;
    }

    private void record(ServerEvent e) {
        synchronized (events) {
            events.add(e);
            events.notifyAll();
        }
    }

    TracedProgram program() {
        return program;
    }

    StepGate gate() {
        return gate;
    }

    boolean awaitListening() {
        return program.awaitListening(settings.listenWait());
    }

    int port() {
        return program.boundPort();
    }

    /** Every event so far: waits first until the recorder has received all that were already published. */
    List<ServerEvent> events() {
        try {
            subscription.drain(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    List<String> output() {
        return List.copyOf(output);
    }

    /** Waits for an event published so far or later that matches. */
    <T extends ServerEvent> Optional<T> await(Class<T> type, Predicate<T> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            int seen = 0;
            while (true) {
                for (; seen < events.size(); seen++) {
                    ServerEvent e = events.get(seen);
                    if (type.isInstance(e) && match.test(type.cast(e))) {
                        return Optional.of(type.cast(e));
                    }
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return Optional.empty();
                }
                try {
                    events.wait(left);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    <T extends ServerEvent> List<T> all(Class<T> type, Predicate<T> match) {
        return events().stream().filter(type::isInstance).map(type::cast).filter(match).toList();
    }

    /** For conditions outside the event stream (the kernel's table, /proc): checks every 20 ms until the timeout. */
    static boolean waitFor(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    boolean awaitEnd(Duration timeout) {
        return program.awaitEnd(timeout);
    }

    TestClient connect() throws IOException {
        return TestClient.connect("127.0.0.1", port(), settings.replyWait());
    }

    /**
     * Sends a line and judges the answer: with ECHO the same bytes must come back; with NONE the program must
     * have read them (a recv on this client's connection).
     */
    Exchange exchange(TestClient client, String line) {
        byte[] sent = line.getBytes(StandardCharsets.UTF_8);
        try {
            client.send(line);
            if (settings.expect() == Expect.NONE) {
                boolean read = await(ServerEvent.CallReturned.class, r -> forClient(r, client.localPort())
                        && r.stage() == org.socketstage.event.Step.RECV && !r.failed() && r.result() > 0,
                        settings.replyWait()).isPresent();
                return new Exchange(read, new byte[0], read ? null : "the program did not read the client's line");
            }
            byte[] got = client.read(sent.length, settings.replyWait());
            if (Arrays.equals(got, sent)) {
                return new Exchange(true, got, null);
            }
            String problem = got.length == 0 ? "the client got nothing back within " + settings.replyWait().toSeconds() + " s"
                    : got.length < sent.length && Arrays.equals(got, Arrays.copyOf(sent, got.length))
                    ? "the client got " + got.length + " of the " + sent.length + " bytes it sent"
                    : "the client got " + StraceText.quote(got, 0, got.length, 40) + " instead of its own "
                    + StraceText.quote(sent, 0, sent.length, 40);
            return new Exchange(false, got, problem);
        } catch (IOException e) {
            return new Exchange(false, new byte[0], "the client's connection failed: " + e.getMessage());
        }
    }

    /** An event of the connection the program holds for this client (matched by the client's port). */
    static boolean forClient(ServerEvent e, int clientPort) {
        Actor a = e.actor();
        return a != null && a.kind() == Actor.Kind.CONNECTION && a.peer() != null && a.peer().port() == clientPort;
    }

    /** Waits until the program has closed its connection to this client. */
    boolean awaitClosed(int clientPort, Duration timeout) {
        return await(ServerEvent.CallReturned.class, r -> forClient(r, clientPort)
                && r.stage() == org.socketstage.event.Step.CLOSE_CLIENT && r.call().equals("close") && !r.failed(), timeout).isPresent();
    }

    /**
     * After a client closed: waits until the kernel has the client's FIN (the program's side is no longer
     * ESTABLISHED). The side that closes first keeps TIME_WAIT; this way it is always the client's, never the
     * program's port, whether or not the program closes its side before it is stopped.
     */
    void awaitClientGone(int clientPort) {
        int port = port();
        waitFor(() -> KernelRows.serverSide(port, clientPort)
                .map(r -> r.state() != org.socketstage.kernel.TcpState.ESTABLISHED).orElse(true), settings.replyWait());
    }

    /** The strace lines of the events that match, as evidence. */
    List<String> lines(Predicate<ServerEvent> match) {
        List<String> lines = new ArrayList<>();
        for (ServerEvent e : events()) {
            String line = match.test(e) ? StraceFormat.line(e) : null;
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The program's last words on standard error (and output), as evidence. */
    List<String> stderrLines() {
        return output.stream().filter(l -> l.startsWith("stderr: ")).toList();
    }

    @Override
    public void close() {
        program.stop(Duration.ofSeconds(2));
        try {
            subscription.drain(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        subscription.close();
    }
}
