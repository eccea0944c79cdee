package org.socketstage.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A measurement, not a test: everything issue 15 asks for, side by side in one go, printed as one table of
 * ratios. The engine against a plain Java echo server ({@link EchoBenchmark}'s rounds); start-up of the trace
 * mode against the plain server's; the real window ({@link ProbedWindow}, on the display in DISPLAY) idle with
 * the server in accept(), under 50 clients sending a line every 100 ms and under 50 clients flooding, its frame
 * gaps seen by an AnimationTimer, its CPU, RSS and spool on disk; its start-up against a JavaFX hello-world
 * ({@link HelloWorldFx}). Loopback only. {@code src/test/bench/run.sh all} runs it (and an Xvfb if needed).
 *
 * <p>System properties (besides EchoBenchmark's): {@code bench.only} (the parts to run, see main),
 * {@code bench.skipEngine} (false), {@code bench.appJvm} (the app's JVM options), {@code bench.startRounds} (7),
 * {@code bench.windowIdleSeconds} (20), {@code bench.pacedSeconds} (30, twice: the first includes the JIT warm-up), {@code bench.floodSeconds} (120).
 */
public final class SideBySideBenchmark {

    /**
     * The JVM options the app is launched with (pom's javafx:run, the installers, the README's java -jar line),
     * for the window and the trace mode alike (the installed launcher gives both the same);
     * {@code -Dbench.appJvm} replaces them, separated by spaces or commas (BENCH_OPTS cannot hold spaces).
     */
    public static final List<String> APP_JVM = List.of(System.getProperty("bench.appJvm",
            "-Xmx96m -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=40 -XX:MaxHeapFreeRatio=70 -XX:NewSize=32m"
            + " -XX:InitiatingHeapOccupancyPercent=75 -XX:-G1UseAdaptiveIHOP").split("[ ,]+"));

    /**
     * The JIT options of the trace mode's line in the README: the quick JIT (C1) compiles a method after ten times
     * as many calls as the JVM's default (tier-3 thresholds), so that it does not take the second core from the
     * start-up's one-off code (argument parsing, JNA's start, the lambdas' linking) while the server starts; the
     * loops' thresholds (back-edges) are left alone. The echo warms up as before (src/test/bench/JOURNAL.md, "In the
     * seventh round of 1 Dec"). TraceLaunchOptionsTest checks that the README gives these. {@code -Dbench.traceJit}
     * replaces them (spaces or commas; "none" for the JVM's defaults).
     */
    public static final List<String> TRACE_JIT = traceJit(System.getProperty("bench.traceJit",
            "-XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000"));

    public static List<String> traceJit(String given) {
        return given.isBlank() || given.strip().equals("none") ? List.of() : List.of(given.strip().split("[ ,]+"));
    }

    /**
     * The JIT option javafx:run gives the window's JVM (pom.xml, property window.jit; WindowLaunchOptionsTest
     * checks they agree). The hello-world anchor runs with the JVM's default JIT.
     */
    public static final String WINDOW_JIT = "-XX:TieredStopAtLevel=1";

    /** The class archive the build makes for {@code ./mvnw javafx:run} (pom.xml, property cds.archive). */
    static final Path WINDOW_ARCHIVE = Path.of("target", "cds", "window-" + System.getProperty("java.version") + ".jsa")
            .toAbsolutePath();

    private SideBySideBenchmark() {}

    public static void main(String[] args) throws Exception {
        Files.createDirectories(EchoBenchmark.WORK);
        Path load = EchoBenchmark.compileLoadGenerator();
        String before = EchoBenchmark.uptime();
        CpuSteal stealBefore = CpuSteal.now();
        System.out.println("machine: " + before);
        List<String> rows = new ArrayList<>();
        // -Dbench.only=engine,trace-start,window-load,window-start runs those parts only
        List<String> only = List.of(System.getProperty("bench.only", "engine,trace-start,window-load,window-start").split(","));
        if (only.contains("engine") && !Boolean.getBoolean("bench.skipEngine")) {
            rows.addAll(EchoBenchmark.compare(load));
        }
        if (only.contains("trace-start")) {
            rows.addAll(traceStartup());
        }
        if (only.contains("window-load")) {
            rows.addAll(windowUnderLoad(load));
        }
        if (only.contains("window-start")) {
            rows.addAll(windowStartup());
        }
        System.out.println();
        System.out.println("| measure | SocketStage | anchor | ratio | target |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("machine before: " + before);
        System.out.println("machine after:  " + EchoBenchmark.uptime());
        System.out.printf(Locale.ROOT, "machine's CPU stolen by the hypervisor for other guests over the run: %.1f %%%n",
                CpuSteal.now().percentSince(stealBefore));
    }

    // ---- start-up

    private static List<String> traceStartup() throws Exception {
        int rounds = Integer.getInteger("bench.startRounds", 7);
        java.util.Map<EchoBenchmark.Kind, List<Double>> wall = new java.util.EnumMap<>(EchoBenchmark.Kind.class);
        java.util.Map<EchoBenchmark.Kind, List<Double>> cpu = new java.util.EnumMap<>(EchoBenchmark.Kind.class);
        java.util.Map<EchoBenchmark.Kind, List<Double>> firstEcho = new java.util.EnumMap<>(EchoBenchmark.Kind.class);
        List<EchoBenchmark.Kind> kinds = new ArrayList<>(List.of(EchoBenchmark.Kind.SOCKETSTAGE,
                EchoBenchmark.Kind.PLAIN, EchoBenchmark.Kind.JNA_ALONE));
        boolean jar = java.nio.file.Files.isRegularFile(EchoBenchmark.APP_JAR)
                && java.nio.file.Files.isRegularFile(EchoBenchmark.TRACE_ARCHIVE);
        if (jar) {
            JnaFloorJar.prepare();
            kinds.addAll(List.of(EchoBenchmark.Kind.SOCKETSTAGE_JAR, EchoBenchmark.Kind.JNA_JAR));
        } else {
            System.out.println("no target/socketstage.jar or target/cds/trace.jsa (./mvnw package makes them): the trace"
                    + " mode's start-up is measured from the class path only");
        }
        EchoBenchmark.listening(EchoBenchmark.freePort()); // the check's own start (JNA, sock_diag) before any round
        for (int round = 0; round < rounds; round++) {
            List<EchoBenchmark.Kind> order = new ArrayList<>(kinds);
            java.util.Collections.rotate(order, round); // each kind first once in as many rounds as kinds
            for (EchoBenchmark.Kind kind : order) {
                int port = EchoBenchmark.freePort();
                long t0 = System.nanoTime();
                Process p = EchoBenchmark.start(kind, port);
                try {
                    long end = t0 + TimeUnit.SECONDS.toNanos(30);
                    while (!EchoBenchmark.listening(port) && System.nanoTime() < end) {
                        Thread.sleep(2);
                    }
                    double ms = (System.nanoTime() - t0) / 1e6;
                    double cpuMs = EchoBenchmark.cpuTicks(p.pid()) * 1000.0 / EchoBenchmark.CLOCK_TICKS;
                    wall.computeIfAbsent(kind, k -> new ArrayList<>()).add(ms);
                    cpu.computeIfAbsent(kind, k -> new ArrayList<>()).add(cpuMs);
                    String echoed = "";
                    if (kind.echoes()) {
                        // what a client connecting at that moment sees: its first line back
                        firstEchoOf(port);
                        double echoMs = (System.nanoTime() - t0) / 1e6;
                        firstEcho.computeIfAbsent(kind, k -> new ArrayList<>()).add(echoMs);
                        echoed = String.format(Locale.ROOT, ", first echo after %.0f ms", echoMs);
                    }
                    System.out.printf(Locale.ROOT, "start-up round %d %s: listening after %.0f ms, %.0f ms of CPU%s%n",
                            round + 1, kind.label, ms, cpuMs, echoed);
                } finally {
                    EchoBenchmark.stop(p, EchoBenchmark.errFile(kind));
                    p.destroyForcibly();
                }
            }
        }
        double s = median(wall.get(EchoBenchmark.Kind.SOCKETSTAGE));
        double p = median(wall.get(EchoBenchmark.Kind.PLAIN));
        double j = median(wall.get(EchoBenchmark.Kind.JNA_ALONE));
        double sc = median(cpu.get(EchoBenchmark.Kind.SOCKETSTAGE));
        double pc = median(cpu.get(EchoBenchmark.Kind.PLAIN));
        double jc = median(cpu.get(EchoBenchmark.Kind.JNA_ALONE));
        List<String> rows = new ArrayList<>();
        if (jar) {
            double sj = median(wall.get(EchoBenchmark.Kind.SOCKETSTAGE_JAR));
            double sjc = median(cpu.get(EchoBenchmark.Kind.SOCKETSTAGE_JAR));
            double jj = median(wall.get(EchoBenchmark.Kind.JNA_JAR));
            double jjc = median(cpu.get(EchoBenchmark.Kind.JNA_JAR));
            rows.add(String.format(Locale.ROOT, "| launch → listen() = 0, trace mode (README's java -jar line, with its class"
                    + " archive) | %.0f ms (CPU %.0f ms) | plain Java ready %.0f ms | %.2f× | ≤ 2× |", sj, sjc, p, sj / p));
            double se = median(firstEcho.get(EchoBenchmark.Kind.SOCKETSTAGE_JAR));
            double pe = median(firstEcho.get(EchoBenchmark.Kind.PLAIN));
            rows.add(String.format(Locale.ROOT, "| launch → first echo (a client connects once the socket listens), trace"
                    + " mode as above | %.0f ms | plain Java %.0f ms | %.2f× | |", se, pe, se / pe));
            rows.add(String.format(Locale.ROOT, "| launch → listen() = 0, JNA alone launched the same way (its own jar on the"
                    + " app's, its own archive: the floor for a server on JNA) | %.0f ms (CPU %.0f ms) | plain Java ready %.0f ms"
                    + " | %.2f× | |", jj, jjc, p, jj / p));
        }
        rows.addAll(List.of(String.format(Locale.ROOT, "| launch → listen() = 0, trace mode (test class path, no archive) | %.0f ms | plain Java ready %.0f ms | %.2f× | ≤ 2× |",
                s, p, s / p), String.format(Locale.ROOT, "| CPU time to listen() = 0 (all threads) | %.0f ms | plain Java %.0f ms | %.2f× | |",
                sc, pc, sc / pc), String.format(Locale.ROOT,
                "| launch → listen() = 0, JNA alone (test class path, no archive; libc loaded, socket, bind, listen: the floor for a server on JNA) "
                        + "| %.0f ms (CPU %.0f ms) | plain Java ready %.0f ms | %.2f× | |", j, jc, p, j / p)));
        return rows;
    }

    /** Connects to {@code port}, sends a line and waits for it to come back (10 s at most). */
    private static void firstEchoOf(int port) throws IOException {
        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            client.setSoTimeout(10_000);
            client.getOutputStream().write("first\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            int b;
            do {
                b = in.read();
            } while (b != -1 && b != '\n');
            if (b == -1) {
                throw new IOException("the server on port " + port + " closed before echoing the first line");
            }
        }
    }

    /** What the start-up rounds launch: the window and the hello-world, each with and without the class archive. */
    private enum Launch {
        WINDOW("window", true, true), WINDOW_NO_ARCHIVE("window without the class archive", true, false),
        HELLO("hello-world", false, false), HELLO_ARCHIVE("hello-world with the window's class archive", false, true);

        final String label;
        final boolean window;
        final boolean archive;

        Launch(String label, boolean window, boolean archive) {
            this.label = label;
            this.window = window;
            this.archive = archive;
        }
    }

    private static List<String> windowStartup() throws Exception {
        int rounds = Integer.getInteger("bench.startRounds", 7);
        java.util.Map<Launch, List<Double>> wall = new java.util.EnumMap<>(Launch.class);
        java.util.Map<Launch, List<Double>> cpu = new java.util.EnumMap<>(Launch.class);
        long helloRss = 0;
        boolean archived = Files.isReadable(WINDOW_ARCHIVE);
        if (!archived) {
            System.out.println("start-up: no class archive at " + WINDOW_ARCHIVE + " (the build makes it): the rounds with it are left out");
        }
        for (int round = 0; round < rounds; round++) {
            List<Launch> order = new ArrayList<>(List.of(Launch.values()));
            java.util.Collections.rotate(order, round); // each kind first in one round of four
            for (Launch kind : order) {
                if (kind.archive && !archived) {
                    continue;
                }
                Path tmp = Files.createTempDirectory("bench-start-");
                try (App a = App.start(kind.window ? ProbedWindow.Launcher.class : HelloWorldFx.Launcher.class, List.of(), tmp,
                        kind.archive)) {
                    a.await("SHOWN", Duration.ofSeconds(120));
                    double ms = (System.nanoTime() - a.spawned) / 1e6;
                    double cpuMs = a.cpuTicks() * 1000.0 / EchoBenchmark.CLOCK_TICKS;
                    wall.computeIfAbsent(kind, k -> new ArrayList<>()).add(ms);
                    cpu.computeIfAbsent(kind, k -> new ArrayList<>()).add(cpuMs);
                    System.out.printf(Locale.ROOT, "start-up round %d %s: window shown after %.0f ms, %.0f ms of CPU%n",
                            round + 1, kind.label, ms, cpuMs);
                    if (kind == Launch.HELLO) {
                        Thread.sleep(3000);
                        helloRss = Math.max(helloRss, a.rssKb());
                    }
                } finally {
                    removeFolder(tmp);
                }
            }
        }
        Launch window = archived ? Launch.WINDOW : Launch.WINDOW_NO_ARCHIVE;
        double h = median(wall.get(Launch.HELLO));
        double hc = median(cpu.get(Launch.HELLO));
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "| launch → window shown, as javafx:run launches it%s | %.2f s | JavaFX hello-world %.2f s | %.2f× | ≤ 2× |",
                archived ? " (with its class archive)" : " (no class archive)", median(wall.get(window)) / 1000, h / 1000,
                median(wall.get(window)) / h));
        rows.add(String.format(Locale.ROOT, "| CPU time to window shown (all threads) | %.2f s | JavaFX hello-world %.2f s | %.2f× | |",
                median(cpu.get(window)) / 1000, hc / 1000, median(cpu.get(window)) / hc));
        if (archived) {
            double n = median(wall.get(Launch.WINDOW_NO_ARCHIVE));
            rows.add(String.format(Locale.ROOT, "| launch → window shown without the class archive (CPU %.2f s) | %.2f s | JavaFX hello-world %.2f s | %.2f× | |",
                    median(cpu.get(Launch.WINDOW_NO_ARCHIVE)) / 1000, n / 1000, h / 1000, n / h));
            double ha = median(wall.get(Launch.HELLO_ARCHIVE));
            rows.add(String.format(Locale.ROOT, "| the hello-world with the window's class archive (CPU %.2f s) | | %.2f s | window with archive / this: %.2f× | |",
                    median(cpu.get(Launch.HELLO_ARCHIVE)) / 1000, ha / 1000, median(wall.get(window)) / ha));
        }
        rows.add(String.format(Locale.ROOT, "| RSS, hello-world idle (anchor for the rows above) | | %d MB | | |", helloRss / 1024));
        return rows;
    }

    // ---- the window under load

    private static List<String> windowUnderLoad(Path load) throws Exception {
        double idleSeconds = Double.parseDouble(System.getProperty("bench.windowIdleSeconds", "20"));
        double pacedSeconds = Double.parseDouble(System.getProperty("bench.pacedSeconds", "30"));
        double floodSeconds = Double.parseDouble(System.getProperty("bench.floodSeconds", "120"));
        int port = EchoBenchmark.freePort();
        Path tmp = Files.createTempDirectory("bench-window-");
        List<String> rows = new ArrayList<>();
        // the collector's pauses, each stamped with the JVM's uptime, to set beside the slow frames
        Path gcLog = tmp.resolve("window-gc.log");
        // -Dbench.windowSession=own: the window in a session of its own (setsid), so in a scheduling group of its
        // own as an app started from a desktop is, not in the benchmark's group with the load generator;
        // -Dbench.windowGroupNice=N then sets that group's nice (/proc/PID/autogroup), for the journal's experiment
        boolean ownSession = "own".equals(System.getProperty("bench.windowSession", ""));
        App w = App.start(ProbedWindow.Launcher.class, List.of("--autostart", "--mode", "live", "--port", Integer.toString(port),
                "--concurrency", "threaded", "--backlog", "128", "--max-connections", "128"), tmp,
                Files.isReadable(WINDOW_ARCHIVE), List.of(GcPauses.option(gcLog)), ownSession);
        try {
            w.await("SHOWN", Duration.ofSeconds(120));
            EchoBenchmark.awaitPort(port, Duration.ofSeconds(60));
            // (after the window is up: setsid has made its session by then, and the nice is not the benchmark's)
            Path proc = Path.of("/proc", Long.toString(w.process.pid()));
            Path autogroup = proc.resolve("autogroup");
            if (ownSession) {
                String stat = Files.readString(proc.resolve("stat"));
                String session = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3];
                if (!session.equals(Long.toString(w.process.pid()))) {
                    throw new IllegalStateException("setsid did not make the window a session of its own: " + stat);
                }
            }
            String groupNice = System.getProperty("bench.windowGroupNice", "");
            if (!groupNice.isBlank()) {
                if (!ownSession) {
                    throw new IllegalArgumentException("bench.windowGroupNice needs bench.windowSession=own: the group would"
                            + " be the benchmark's own");
                }
                // (a kernel without autogroups has no such file: the write fails and says so)
                Files.writeString(autogroup, groupNice.trim());
            }
            System.out.println("window's session: " + (ownSession ? "its own" : "the benchmark's") + "; its scheduling group: "
                    + (Files.isReadable(autogroup) ? Files.readString(autogroup).trim() : "none (no autogroups here)"));

            // class loading and the JIT compiling the start-up are not idling (on a loaded machine the JIT lags)
            Thread.sleep(Long.getLong("bench.windowSettleMillis", 30_000));
            double idle = w.cpuPercent(idleSeconds);
            long rssIdle = w.rssKb();
            System.out.printf(Locale.ROOT, "window idle, server in accept(): %.2f %% of a core, RSS %d MB%n", idle, rssIdle / 1024);

            w.ask("PROBE", "PROBING");
            Phase phase = new Phase(w);
            String paced = EchoBenchmark.runLoad(load, port, 50, 0, pacedSeconds, 32, 100);
            double pacedCpu = phase.cpuPercent(pacedSeconds);
            double pacedSteal = phase.stealPercent();
            String pacedDrawing = phase.drawing(pacedSeconds);
            Frames pf = Frames.parse(w.ask("REPORT", "FRAMES"));
            String eventsAnswer = w.ask("EVENTS", "EVENTS");
            long eventsPaced = Long.parseLong(eventsAnswer.split(" ")[1]);
            long rssPaced = w.rssKb();
            System.out.printf(Locale.ROOT, "window, 50 clients x 1 line/100 ms: %s; CPU %.0f %%; %s; %d events; RSS %d MB;"
                    + " %s; machine's CPU stolen %.0f %%%n", paced, pacedCpu, pf, eventsPaced, rssPaced / 1024, pacedDrawing,
                    pacedSteal);
            String pacedSlowAnswer = w.ask("SLOW", "SLOW");
            System.out.println("  frames over 20 ms (ms into the run:gap ms): " + pacedSlowAnswer);
            String pacedSlow = slowAndPauses(pacedSlowAnswer, gcLog, w);
            System.out.println("  " + pacedSlow);
            System.out.println("  the view at the end: " + eventsAnswer);

            // the same load again: the first run includes the JIT compiling the code under load for the first
            // time (most of a core for about 20 s on two cores); this one is the window as the class goes on
            w.ask("PROBE", "PROBING");
            phase = new Phase(w);
            String warm = EchoBenchmark.runLoad(load, port, 50, 0, pacedSeconds, 32, 100);
            double warmCpu = phase.cpuPercent(pacedSeconds);
            double warmSteal = phase.stealPercent();
            String warmDrawing = phase.drawing(pacedSeconds);
            Frames wf = Frames.parse(w.ask("REPORT", "FRAMES"));
            System.out.printf(Locale.ROOT, "window, 50 clients x 1 line/100 ms again, after the first run: %s; CPU %.0f %%; %s;"
                    + " %s; machine's CPU stolen %.0f %%%n", warm, warmCpu, wf, warmDrawing, warmSteal);
            String warmSlowAnswer = w.ask("SLOW", "SLOW");
            System.out.println("  frames over 20 ms (ms into the run:gap ms): " + warmSlowAnswer);
            String warmSlow = slowAndPauses(warmSlowAnswer, gcLog, w);
            System.out.println("  " + warmSlow);

            w.ask("PROBE", "PROBING");
            AtomicLong rssMax = new AtomicLong();
            // at the highest sample, the part that is shared memory: the X image buffers cairo shares with the X
            // server, a new 32 MB pool each time the server falls behind with the frames sent to it
            AtomicLong shmemAtMax = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long[] rss = w.rssAndShmemKb();
                    if (rss[0] > rssMax.get()) {
                        rssMax.set(rss[0]);
                        shmemAtMax.set(rss[1]);
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-rss");
            sampler.setDaemon(true);
            sampler.start();
            phase = new Phase(w);
            Optional<XServerWait> xWait = XServerWait.of(System.getenv("DISPLAY"));
            String flood = EchoBenchmark.runLoad(load, port, 50, 0, floodSeconds, 32, 0);
            String xServer = xWait.isPresent() ? xWait.get().describe() : "the X server's process was not found";
            xWait.ifPresent(XServerWait::close);
            double floodCpu = phase.cpuPercent(floodSeconds);
            double floodSteal = phase.stealPercent();
            String floodDrawing = phase.drawing(floodSeconds);
            Frames ff = Frames.parse(w.ask("REPORT", "FRAMES"));
            String floodSlow = slowAndPauses(w.ask("SLOW", "SLOW"), gcLog, w);
            System.out.println("  flood: " + floodSlow);
            System.out.println("  flood: " + xServer);
            double after = w.cpuPercent(10);
            sampler.interrupt();
            long eventsFlood = Long.parseLong(w.ask("EVENTS", "EVENTS").split(" ")[1]);
            System.out.printf(Locale.ROOT, "window, 50 clients flooding: %s; CPU %.0f %%; %s; %d events in all; RSS max %d MB"
                    + " (%d MB of it shared memory); CPU in the 10 s after the flood %.0f %%; %s; machine's CPU stolen %.0f %%%n",
                    flood, floodCpu, ff, eventsFlood, rssMax.get() / 1024, shmemAtMax.get() / 1024, after, floodDrawing, floodSteal);
            Thread.sleep(30_000);
            long rssSettled = w.rssKb();
            long spool = spoolBytes(tmp);
            System.out.printf(Locale.ROOT, "window 30 s after the flood: RSS %d MB; spool on disk %d KB for %d events%n",
                    rssSettled / 1024, spool / 1024, eventsFlood);

            rows.add(String.format(Locale.ROOT, "| idle CPU, window, server waiting in accept() | %.2f %% of a core | | | ≤ 5 %% |", idle));
            rows.add(String.format(Locale.ROOT, "| window, 50 clients × 1 line/100 ms, first %.0f s (JIT warm-up included) | %.0f %% CPU, %.0f fps, frame-gap p99 %.1f ms (max %.0f); %s; %.0f %% of the machine's CPU stolen | | | p99 ≤ 20 ms |",
                    pacedSeconds, pacedCpu, pf.fps, pf.p99, pf.max, pacedSlow, pacedSteal));
            rows.add(String.format(Locale.ROOT, "| window, 50 clients × 1 line/100 ms, the next %.0f s | %.0f %% CPU, %.0f fps, frame-gap p99 %.1f ms (max %.0f); %s; %.0f %% stolen | | | p99 ≤ 20 ms |",
                    pacedSeconds, warmCpu, wf.fps, wf.p99, wf.max, warmSlow, warmSteal));
            rows.add(String.format(Locale.ROOT, "| window, 50 clients flooding (%.0f s) | %.0f %% CPU, %.0f fps, frame-gap p99 %.1f ms (max %.0f); %s; %s; %.0f %% CPU in the 10 s after; %.0f %% stolen | | | p99 ≤ 50 ms |",
                    floodSeconds, floodCpu, ff.fps, ff.p99, ff.max, floodSlow, xServer, after, floodSteal));
            rows.add(String.format(Locale.ROOT, "| RSS: window idle / after %dk events / max in the flood / 30 s after | %d / %d / %d / %d MB (at the max, %d MB shared memory: X image buffers) | | | ≤ 300 MB |",
                    eventsPaced / 1000, rssIdle / 1024, rssPaced / 1024, rssMax.get() / 1024, rssSettled / 1024,
                    shmemAtMax.get() / 1024));
            rows.add(String.format(Locale.ROOT, "| on-disk event spool (gzip) after the loads | %.1f MB (%.0f KB/s over the %.0f s of load) | | | bounded, deleted at exit |",
                    spool / 1e6, spool / 1024.0 / (2 * pacedSeconds + floodSeconds), 2 * pacedSeconds + floodSeconds));
        } finally {
            w.close();
        }
        long left = spoolBytes(tmp);
        boolean anyLeft;
        try (Stream<Path> s = Files.list(tmp)) {
            anyLeft = s.anyMatch(p -> p.getFileName().toString().startsWith("socketstage-spool-"));
        }
        System.out.println("spool folder left after SIGTERM: " + (anyLeft ? "yes (" + left + " bytes)" : "none"));
        rows.add("| spool left in the temp folder after SIGTERM | " + (anyLeft ? "yes" : "none") + " | | | none |");
        // kept for a closer look at the pauses (sizes, causes) after the run
        Files.copy(gcLog, EchoBenchmark.WORK.resolve("window-gc.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        removeFolder(tmp);
        return rows;
    }

    /**
     * The phase's slow frames set beside the collector's pauses in the window's GC log up to now: how many frames
     * over 20 ms a pause fell into (a pause in a pulse makes that frame late however little the pulse had to do).
     */
    private static String slowAndPauses(String slowAnswer, Path gcLog, App w) throws IOException {
        SlowFrames slow = SlowFrames.parse(slowAnswer);
        return slow.describe(slow.pausesOfPhase(GcPauses.each(gcLog), w.uptimeMillis()));
    }

    /** The app's temp folder of one measurement, with whatever the app left in it (it was looked at already). */
    private static void removeFolder(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long spoolBytes(Path tmp) throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().contains("socketstage-spool-"))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    record Frames(int count, double p50, double p99, double max, double fps) {
        static Frames parse(String line) {
            String[] f = line.split(" ");
            return new Frames(Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d frames, %.0f fps, gap p50 %.1f ms p99 %.1f ms max %.1f ms", count, fps, p50, p99, max);
        }
    }

    /**
     * What a load phase cost, from readings taken as it starts: the app's CPU, its drawing threads' CPU, and the
     * share of the machine's CPU the hypervisor gave other guests meanwhile.
     */
    private static final class Phase {
        private final App app;
        private final long ticks;
        private final CpuSteal steal;
        private final DrawingThreads drawing;

        Phase(App app) throws IOException {
            this.app = app;
            this.ticks = app.cpuTicks();
            this.steal = CpuSteal.now();
            this.drawing = DrawingThreads.of(app.process.pid());
        }

        /** The app's CPU since the start, in percent of a core over {@code seconds}. */
        double cpuPercent(double seconds) throws IOException {
            return (app.cpuTicks() - ticks) * 100.0 / EchoBenchmark.CLOCK_TICKS / seconds;
        }

        double stealPercent() {
            return CpuSteal.now().percentSince(steal);
        }

        String drawing(double seconds) throws IOException {
            return DrawingThreads.of(app.process.pid()).since(drawing, seconds);
        }
    }

    /** One JavaFX program in its own JVM, launched as a user would, talking through stdin and stdout. */
    static final class App implements AutoCloseable {
        /** The app's preferences for the benchmark (its own node: a user's settings are never touched). */
        static final String PREFS_NODE = "socketstage-bench";
        final Process process;
        final long spawned;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private App(Process process, long spawned) {
            this.process = process;
            this.spawned = spawned;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process has ended
                }
            }, "bench-app-output");
            reader.setDaemon(true);
            reader.start();
        }

        static App start(Class<?> main, List<String> args, Path tmp) throws IOException {
            return start(main, args, tmp, Files.isReadable(WINDOW_ARCHIVE));
        }

        /**
         * Launched as {@code ./mvnw javafx:run} launches the app: JavaFX's jars on the module path, the rest on the
         * class path, (if {@code archive}) the class archive the build made for javafx:run, and for the window
         * javafx:run's JIT option.
         */
        static App start(Class<?> main, List<String> args, Path tmp, boolean archive) throws IOException {
            return start(main, args, tmp, archive, List.of());
        }

        /** As above, with {@code extraJvm} after the launch's own JVM options (e.g. a GC log). */
        static App start(Class<?> main, List<String> args, Path tmp, boolean archive, List<String> extraJvm)
                throws IOException {
            return start(main, args, tmp, archive, extraJvm, false);
        }

        /** As above; if {@code ownSession}, in a session of its own (setsid execs the JVM: the pid is the app's). */
        static App start(Class<?> main, List<String> args, Path tmp, boolean archive, List<String> extraJvm,
                boolean ownSession) throws IOException {
            List<String> cmd = new ArrayList<>();
            if (ownSession) {
                cmd.add("setsid");
            }
            cmd.add(EchoBenchmark.JAVA);
            if (archive) {
                cmd.add("-XX:SharedArchiveFile=" + WINDOW_ARCHIVE);
            }
            String jit = System.getProperty("bench.windowJit", WINDOW_JIT); // -Dbench.windowJit= : the JVM's default JIT
            if (main == ProbedWindow.Launcher.class && !jit.isBlank()) {
                cmd.add(jit);
            }
            cmd.addAll(APP_JVM);
            cmd.addAll(extraJvm);
            List<String> javafx = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                (entry.contains("/org/openjfx/") ? javafx : rest).add(entry);
            }
            cmd.addAll(List.of("-Djava.io.tmpdir=" + tmp, "-Dsocketstage.prefs.node=" + PREFS_NODE,
                    "--module-path", String.join(java.io.File.pathSeparator, javafx), "--add-modules", "javafx.controls,javafx.fxml",
                    "-cp", String.join(java.io.File.pathSeparator, rest), main.getName()));
            cmd.addAll(args);
            notAFirstLaunch();
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd)
                    .redirectError(EchoBenchmark.WORK.resolve(main.getName() + "-err.txt").toFile())
                    .start();
            return new App(p, t0);
        }

        /**
         * Every window of the benchmark starts as a launch after the first does (the Stage tab, no tour, the
         * default size): a first launch opens the Lessons tab and the tour, and whether the preferences on this
         * machine had seen one would otherwise decide what the frame gaps measure.
         */
        private static void notAFirstLaunch() throws IOException {
            try {
                java.util.prefs.Preferences.userRoot().node(PREFS_NODE).removeNode();
                java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot().node(PREFS_NODE);
                node.putBoolean(org.socketstage.ui.AppPrefs.WELCOMED, true);
                node.flush();
            } catch (java.util.prefs.BackingStoreException e) {
                throw new IOException("could not reset the benchmark's preferences", e);
            }
        }

        String await(String prefix, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                String line = lines.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
            }
            throw new IllegalStateException("no " + prefix + " from the app within " + timeout.toSeconds() + " s");
        }

        String ask(String command, String answer) throws IOException, InterruptedException {
            OutputStream in = process.getOutputStream();
            in.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
            return await(answer, Duration.ofSeconds(60));
        }

        long cpuTicks() throws IOException {
            return EchoBenchmark.cpuTicks(process.pid());
        }

        double cpuPercent(double seconds) throws IOException, InterruptedException {
            long before = cpuTicks();
            Thread.sleep((long) (seconds * 1000));
            return (cpuTicks() - before) * 100.0 / EchoBenchmark.CLOCK_TICKS / seconds;
        }

        /** About the app's JVM uptime now: the time since it was spawned (its JVM starts a few ms later). */
        long uptimeMillis() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spawned);
        }

        long rssKb() {
            return rssAndShmemKb()[0];
        }

        /** VmRSS and, of it, RssShmem (shared memory mapped: for the window, mostly X image buffers), in KB. */
        long[] rssAndShmemKb() {
            long[] out = new long[2];
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        out[0] = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    } else if (line.startsWith("RssShmem:")) {
                        out[1] = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                // the process has ended
            }
            return out;
        }

        /** SIGTERM, as a user's logout would send; the app must end by itself and delete its spool. */
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                System.out.println("the app did not end within 20 s of SIGTERM; killed");
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static double median(List<Double> values) {
        return EchoBenchmark.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
