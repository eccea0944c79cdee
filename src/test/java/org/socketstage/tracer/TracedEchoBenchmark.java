package org.socketstage.tracer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.socketstage.event.EventBus;
import org.socketstage.event.StraceFormat;
import org.socketstage.server.StepGate;
import org.socketstage.settings.PacingMode;

/**
 * How much slower a traced echo server is than the same program untraced: the C practice echo server, one
 * loopback client, request/response round trips of a 64-byte line on one connection, then one connection
 * per request. The traced run's events are all formatted as trace lines (as the trace mode does) and thrown
 * away. The phases are interleaved round by round (the machine's load changes under a long run) and the
 * medians reported, with strace's own slowdown for comparison. A measurement, not a test:
 * {@code src/test/bench/run.sh traced} ({@code BENCH_OPTS="-Dbench.rounds=7 -Dbench.seconds=3"}).
 */
public final class TracedEchoBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 3);
    private static final byte[] LINE = (("x".repeat(63)) + "\n").getBytes();
    private static final List<String> STRACE = List.of("/usr/bin/strace", "-f", "-qq", "-o", "/dev/null");

    private TracedEchoBenchmark() {}

    private enum Phase { UNTRACED, TRACED, STRACE }

    public static void main(String[] args) throws Exception {
        boolean strace = java.nio.file.Files.isExecutable(java.nio.file.Path.of(STRACE.get(0)));
        for (boolean connectEach : new boolean[] {false, true}) {
            java.util.Map<Phase, double[]> rates = new java.util.EnumMap<>(Phase.class);
            List<Phase> phases = new java.util.ArrayList<>(List.of(Phase.UNTRACED, Phase.TRACED));
            if (strace) {
                phases.add(Phase.STRACE);
            }
            phases.forEach(ph -> rates.put(ph, new double[ROUNDS]));
            for (int r = 0; r < ROUNDS; r++) {
                // each round in another order, so a load change does not always hit the same phase
                java.util.Collections.rotate(phases, 1);
                for (Phase ph : phases) {
                    rates.get(ph)[r] = switch (ph) {
                        case UNTRACED -> untraced(connectEach, List.of());
                        case TRACED -> traced(connectEach);
                        case STRACE -> untraced(connectEach, STRACE);
                    };
                }
                System.out.printf("round %d (%s): untraced %.0f/s, traced %.0f/s%s%n", r + 1,
                        connectEach ? "one connection per request" : "one connection", rates.get(Phase.UNTRACED)[r],
                        rates.get(Phase.TRACED)[r], strace ? String.format(", strace %.0f/s", rates.get(Phase.STRACE)[r]) : "");
            }
            double u = median(rates.get(Phase.UNTRACED));
            double t = median(rates.get(Phase.TRACED));
            System.out.printf("%n%s, medians of %d rounds of %d s: untraced %.0f/s, traced %.0f/s: traced is %.1f times"
                    + " slower%s%n%n", connectEach ? "one connection per request" : "round trips on one connection",
                    ROUNDS, SECONDS, u, t, u / t, strace ? String.format("; under strace %.0f/s (%.1f times slower)",
                            median(rates.get(Phase.STRACE)), u / median(rates.get(Phase.STRACE))) : "");
        }
        System.out.printf("load average at the end: %s%n", java.nio.file.Files.readString(
                java.nio.file.Path.of("/proc/loadavg")).trim());
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double untraced(boolean connectEach, List<String> wrapper) throws Exception {
        int port = Programs.freePort();
        List<String> command = new java.util.ArrayList<>(wrapper);
        command.addAll(Programs.command(PracticeProgram.ECHO, port));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            awaitListening(port);
            measure(port, connectEach, Duration.ofSeconds(1));
            return measure(port, connectEach, Duration.ofSeconds(SECONDS));
        } finally {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static double traced(boolean connectEach) throws Exception {
        int port = Programs.freePort();
        EventBus bus = new EventBus();
        AtomicLong lines = new AtomicLong();
        EventBus.Subscription sub = bus.subscribe("bench", e -> {
            if (StraceFormat.line(e) != null) {
                lines.incrementAndGet();
            }
        });
        TracedProgram program = new TracedProgram(Programs.of(PracticeProgram.ECHO, port), bus,
                new StepGate(PacingMode.LIVE, 0));
        program.start();
        try {
            if (!program.awaitListening(Duration.ofSeconds(10))) {
                throw new IllegalStateException("the traced server did not listen");
            }
            measure(port, connectEach, Duration.ofSeconds(1));
            return measure(port, connectEach, Duration.ofSeconds(SECONDS));
        } finally {
            program.stop(Duration.ofSeconds(3));
            sub.drain(10_000);
            sub.close();
        }
    }

    /** Round trips per second for the given time. */
    private static double measure(int port, boolean connectEach, Duration time) throws IOException {
        byte[] reply = new byte[LINE.length];
        long end = System.nanoTime() + time.toNanos();
        long start = System.nanoTime();
        long count = 0;
        Socket s = connectEach ? null : open(port);
        try {
            while (System.nanoTime() < end) {
                Socket c = connectEach ? open(port) : s;
                OutputStream out = c.getOutputStream();
                InputStream in = c.getInputStream();
                out.write(LINE);
                int got = 0;
                while (got < reply.length) {
                    int n = in.read(reply, got, reply.length - got);
                    if (n < 0) {
                        throw new IOException("the server closed the connection");
                    }
                    got += n;
                }
                if (!Arrays.equals(reply, LINE)) {
                    throw new IOException("wrong echo");
                }
                if (connectEach) {
                    c.close();
                }
                count++;
            }
        } finally {
            if (s != null) {
                s.close();
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static Socket open(int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(5000);
        return s;
    }

    private static void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }

}
