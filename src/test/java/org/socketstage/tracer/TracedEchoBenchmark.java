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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.event.EventBus;
import org.socketstage.event.StraceFormat;
import org.socketstage.server.StepGate;
import org.socketstage.settings.PacingMode;

/**
 * How much slower a traced echo server is than the same program untraced: the C practice echo server, one
 * loopback client, request/response round trips of a 64-byte line on one connection, then one connection
 * per request. The traced run's events are all formatted as trace lines (as the trace mode does) and thrown
 * away. A measurement, not a pass/fail test: run it with
 * {@code ./mvnw test -Dtest=TracedEchoBenchmark} ({@code -Dbench.seconds=N} per phase, default 5).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TracedEchoBenchmark {

    private static final int SECONDS = Integer.getInteger("bench.seconds", 5);
    private static final byte[] LINE = (("x".repeat(63)) + "\n").getBytes();

    @Test
    void tracedAgainstUntraced() throws Exception {
        if (java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/strace"))) {
            double st = untraced(false, List.of("/usr/bin/strace", "-f", "-qq", "-o", "/dev/null"));
            double stc = untraced(true, List.of("/usr/bin/strace", "-f", "-qq", "-o", "/dev/null"));
            System.out.printf("%nfor comparison, under strace: %.0f/s on one connection, %.0f/s one per request%n", st, stc);
        }
        double plain = untraced(false);
        double traced = traced(false);
        double plainConnect = untraced(true);
        double tracedConnect = traced(true);
        System.out.printf("%nround trips on one connection: untraced %.0f/s, traced %.0f/s: traced is %.1f times slower%n",
                plain, traced, plain / traced);
        System.out.printf("one connection per request:    untraced %.0f/s, traced %.0f/s: traced is %.1f times slower%n%n",
                plainConnect, tracedConnect, plainConnect / tracedConnect);
    }

    private static double untraced(boolean connectEach) throws Exception {
        return untraced(connectEach, List.of());
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
            System.out.println("trace lines formatted: " + lines.get());
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
