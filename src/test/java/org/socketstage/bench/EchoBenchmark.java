package org.socketstage.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.socketstage.kernel.KernelTcpTable;
import org.socketstage.kernel.TcpSocketRow;

/**
 * A measurement, not a test: SocketStage's trace mode against a plain Java thread-per-client echo server
 * ({@link PlainEchoServer}), both driven by the same C epoll load generator ({@code src/test/c/echo_load.c},
 * compiled here with gcc), in interleaved runs; prints medians and ratios as a Markdown table. Loopback only.
 *
 * <pre>
 * src/test/bench/run.sh                 # throughput and latency at 1, 10, 50 clients, idle CPU
 * src/test/bench/run.sh classroom       # 100 clients connect at once and echo for a minute (trace mode)
 * src/test/bench/run.sh classroom-window  # the same against the window (needs xvfb-run)
 * </pre>
 *
 * System properties: {@code bench.rounds} (5), {@code bench.idleRounds} (2), {@code bench.clients} ("1,10,50"), {@code bench.warmup} (5 s, covers the JIT compiling the servers),
 * {@code bench.seconds} (8 s), {@code bench.idleSeconds} (20 s), {@code bench.message} (32 bytes),
 * {@code bench.classroomSeconds} (60), {@code bench.classroomPauseMillis} (100).
 */
public final class EchoBenchmark {

    static final Path WORK = Paths.get("target", "bench");
    static final String JAVA = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    static final long CLOCK_TICKS = 100; // USER_HZ on Linux

    private EchoBenchmark() {}

    public static void main(String[] args) throws Exception {
        Files.createDirectories(WORK);
        Path load = compileLoadGenerator();
        String what = args.length > 0 ? args[0] : "compare";
        System.out.println("machine: " + uptime());
        switch (what) {
            case "compare" -> compare(load);
            case "classroom" -> classroom(load, false);
            case "classroom-window" -> classroom(load, true);
            default -> throw new IllegalArgumentException("compare, classroom or classroom-window, not " + what);
        }
        System.out.println("machine: " + uptime());
    }

    // ---- side by side

    /** Runs the side-by-side rounds, prints them, and returns the rows for {@link SideBySideBenchmark}'s table. */
    static List<String> compare(Path load) throws Exception {
        List<String> rows = new ArrayList<>();
        int rounds = Integer.getInteger("bench.rounds", 5);
        String[] clientCounts = System.getProperty("bench.clients", "1,10,50").split(",");
        double warmup = Double.parseDouble(System.getProperty("bench.warmup", "5"));
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "8"));
        int message = Integer.getInteger("bench.message", 32);
        Map<String, List<Result>> results = new LinkedHashMap<>();
        CpuSteal stealAt = CpuSteal.now();
        for (int round = 0; round < rounds; round++) {
            for (String c : clientCounts) {
                int clients = Integer.parseInt(c.trim());
                List<Kind> order = round % 2 == 0 ? List.of(Kind.SOCKETSTAGE, Kind.PLAIN) : List.of(Kind.PLAIN, Kind.SOCKETSTAGE);
                for (Kind kind : order) {
                    Result r = runOnce(kind, load, clients, warmup, seconds, message, 0);
                    results.computeIfAbsent(kind + "/" + clients, k -> new ArrayList<>()).add(r);
                    System.out.printf(Locale.ROOT, "round %d %-11s %3d clients: %s%n", round + 1, kind.label, clients, r);
                }
            }
        }
        List<Double> idleStage = new ArrayList<>();
        List<Double> idlePlain = new ArrayList<>();
        double idleSeconds = Double.parseDouble(System.getProperty("bench.idleSeconds", "20"));
        for (int round = 0; round < Integer.getInteger("bench.idleRounds", 2); round++) {
            idleStage.add(idleCpu(Kind.SOCKETSTAGE, idleSeconds));
            idlePlain.add(idleCpu(Kind.PLAIN, idleSeconds));
            System.out.printf(Locale.ROOT, "idle round %d: socketstage %.2f %%, plain %.2f %%%n", round + 1,
                    idleStage.get(round), idlePlain.get(round));
        }
        System.out.println();
        System.out.println("| clients | SocketStage trace mode req/s | plain Java req/s | ratio | p99 µs SocketStage / plain | p99 ratio | server CPU µs/echo SocketStage / plain | trace lines lost |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String c : clientCounts) {
            int clients = Integer.parseInt(c.trim());
            List<Result> s = results.get(Kind.SOCKETSTAGE + "/" + clients);
            List<Result> p = results.get(Kind.PLAIN + "/" + clients);
            double sRate = median(s.stream().mapToDouble(Result::rate).toArray());
            double pRate = median(p.stream().mapToDouble(Result::rate).toArray());
            double sP99 = median(s.stream().mapToDouble(Result::p99).toArray());
            double pP99 = median(p.stream().mapToDouble(Result::p99).toArray());
            double sCpu = median(s.stream().mapToDouble(Result::cpuMicrosPerEcho).toArray());
            double pCpu = median(p.stream().mapToDouble(Result::cpuMicrosPerEcho).toArray());
            long lost = s.stream().mapToLong(Result::lostLines).max().orElse(0);
            System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f | %.2f× | %.0f / %.0f | %.2f× | %.1f / %.1f | %d |%n",
                    clients, sRate, pRate, sRate / pRate, sP99, pP99, sP99 / pP99, sCpu, pCpu, lost);
            rows.add(String.format(Locale.ROOT, "| trace-mode echo, %d clients flooding | %.1fk req/s | plain Java %.1fk req/s | %.2f× (%s) | ≥ 0.8× |",
                    clients, sRate / 1000, pRate / 1000, sRate / pRate,
                    roundRatios(s.stream().mapToDouble(Result::rate).toArray(), p.stream().mapToDouble(Result::rate).toArray())));
            rows.add(String.format(Locale.ROOT, "| p99 latency, %d clients | %.2f ms | plain Java %.2f ms | %.2f× (%s) | ≤ 2× |",
                    clients, sP99 / 1000, pP99 / 1000, sP99 / pP99,
                    roundRatios(s.stream().mapToDouble(Result::p99).toArray(), p.stream().mapToDouble(Result::p99).toArray())));
            rows.add(String.format(Locale.ROOT, "| server CPU per echo, %d clients | %.1f µs | plain Java %.1f µs | %.2f× | |",
                    clients, sCpu, pCpu, sCpu / pCpu));
        }
        System.out.printf(Locale.ROOT, "| idle | %.2f %% of a core | %.2f %% of a core | | | | | |%n",
                median(idleStage.stream().mapToDouble(Double::doubleValue).toArray()),
                median(idlePlain.stream().mapToDouble(Double::doubleValue).toArray()));
        System.out.printf(Locale.ROOT, "(%d interleaved rounds, medians; %.0f s measured after %.0f s warm-up; %d-byte lines;"
                + " %.0f %% of the machine's CPU stolen by the hypervisor meanwhile)%n", rounds, seconds, warmup, message,
                CpuSteal.now().percentSince(stealAt));
        double is = median(idleStage.stream().mapToDouble(Double::doubleValue).toArray());
        double ip = median(idlePlain.stream().mapToDouble(Double::doubleValue).toArray());
        rows.add(String.format(Locale.ROOT, "| idle CPU, trace mode, server listening | %.2f %% of a core | plain Java %.2f %% | | ≤ 1 %% |",
                is, ip));
        return rows;
    }

    // ---- a classroom

    private static void classroom(Path load, boolean window) throws Exception {
        double seconds = Double.parseDouble(System.getProperty("bench.classroomSeconds", "60"));
        long pause = Long.getLong("bench.classroomPauseMillis", 100);
        int clients = Integer.getInteger("bench.classroomClients", 100);
        int port = freePort();
        List<String> command = new ArrayList<>();
        if (window) {
            command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
        }
        command.add(JAVA);
        command.addAll(SideBySideBenchmark.APP_JVM);
        if (!window) {
            command.addAll(SideBySideBenchmark.TRACE_JIT);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.socketstage.Main"));
        if (!window) {
            command.add("--no-gui");
        } else {
            command.addAll(List.of("--autostart", "--mode", "live"));
        }
        command.addAll(List.of("--port", Integer.toString(port), "--concurrency", "threaded"));
        Path out = WORK.resolve("classroom-out.txt");
        Path err = WORK.resolve("classroom-err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (window) {
            pb.environment().put("SOCKETSTAGE_BENCH", "1");
        }
        Process server = pb.start();
        try {
            awaitPort(port, Duration.ofSeconds(window ? 90 : 30));
            Thread.sleep(500);
            String line = runLoad(load, port, clients, 0, seconds, 32, pause);
            System.out.println((window ? "window" : "trace mode") + ", " + clients + " clients, " + pause
                    + " ms between lines, " + seconds + " s, defaults with --concurrency threaded:");
            System.out.println(line);
        } finally {
            stop(server, err);
            System.out.println("server stderr: " + Files.readString(err).strip());
        }
    }

    // ---- one run

    enum Kind {
        SOCKETSTAGE("socketstage"), PLAIN("plain-java"),
        /**
         * Only for start-up: the trace mode launched as the README's java -jar line launches it, from the jar with the
         * class archive the build makes for it (target/cds/trace.jsa), with the launcher's options.
         */
        SOCKETSTAGE_JAR("socketstage-jar"),
        /** Only for start-up: JNA's floor launched the same way ({@link JnaFloorJar}). */
        JNA_JAR("jna-alone-jar"),
        /** Only for start-up: JNA's floor ({@link JnaListener}), with the launcher's options as the app has. */
        JNA_ALONE("jna-alone");

        /** Whether it answers a line with the same line (the JNA floor accepts no one). */
        boolean echoes() {
            return this == SOCKETSTAGE || this == PLAIN || this == SOCKETSTAGE_JAR;
        }

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    record Result(double rate, double p99, double cpuMicrosPerEcho, long lostLines, String raw) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f req/s, p99 %.0f µs, %.1f µs CPU/echo, lost %d  [%s]", rate, p99,
                    cpuMicrosPerEcho, lostLines, raw);
        }
    }

    private static Result runOnce(Kind kind, Path load, int clients, double warmup, double seconds, int message,
            long pause) throws Exception {
        int port = freePort();
        Files.deleteIfExists(gcLog(kind));
        Process server = start(kind, port, List.of(GcPauses.option(gcLog(kind))));
        try {
            awaitPort(port, Duration.ofSeconds(30));
            long[] cpu = new long[1];
            String line = runLoad(load, port, clients, warmup, seconds, message, pause, () -> cpu[0] = cpuTicks(server.pid()));
            long used = cpuTicks(server.pid()) - cpu[0];
            Map<String, String> kv = parse(line);
            long requests = Long.parseLong(kv.get("requests"));
            double cpuMicros = requests == 0 ? 0 : used * 1_000_000.0 / CLOCK_TICKS / requests;
            long lost = stop(server, errFile(kind));
            if (!"0".equals(kv.get("mismatches")) || !"0".equals(kv.get("errors"))) {
                System.out.println("  warning: " + line);
            }
            return new Result(Double.parseDouble(kv.get("req_per_s")), Double.parseDouble(kv.get("p99_us")), cpuMicros,
                    lost, "p50 " + kv.get("p50_us") + " µs; " + GcPauses.read(gcLog(kind)) + " from start to stop");
        } finally {
            server.destroyForcibly();
        }
    }

    /** The jar {@code ./mvnw package} makes, and the trace mode's class archive made with it (pom.xml). */
    static final Path APP_JAR = Path.of("target", "socketstage.jar").toAbsolutePath();
    static final Path TRACE_ARCHIVE = Path.of("target", "cds", "trace.jsa").toAbsolutePath();

    static Process start(Kind kind, int port) throws IOException {
        return start(kind, port, List.of());
    }

    /** @param extraJvm more JVM options for either server (the start-up rows take none: nothing to write) */
    static Process start(Kind kind, int port, List<String> extraJvm) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA));
        if (kind != Kind.PLAIN) {
            command.addAll(SideBySideBenchmark.APP_JVM); // as the launcher runs it; the plain server gets the JVM's defaults
            // as the README's trace-mode line runs it; JNA's floor, "launched the same way", gets them too
            command.addAll(SideBySideBenchmark.TRACE_JIT);
        }
        command.addAll(extraJvm);
        String classPath = System.getProperty("java.class.path");
        String p = Integer.toString(port);
        List<String> traceMode = List.of("--no-gui", "--port", p, "--concurrency", "threaded", "--backlog", "128",
                "--max-connections", "128");
        switch (kind) {
            case SOCKETSTAGE -> {
                command.addAll(List.of("-cp", classPath, "org.socketstage.Main"));
                command.addAll(traceMode);
            }
            case SOCKETSTAGE_JAR -> {
                command.addAll(List.of("-XX:SharedArchiveFile=" + TRACE_ARCHIVE, "-jar", APP_JAR.toString()));
                command.addAll(traceMode);
            }
            case JNA_ALONE -> command.addAll(List.of("-cp", classPath, JnaListener.class.getName(), p));
            case JNA_JAR -> command.addAll(JnaFloorJar.launch(List.of("-XX:SharedArchiveFile=" + JnaFloorJar.ARCHIVE), port));
            case PLAIN -> command.addAll(List.of("-cp", classPath, PlainEchoServer.class.getName(), p, "128"));
        }
        return new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errFile(kind).toFile())
                .start();
    }

    /** Stops with SIGTERM as a user would; returns how many trace lines the server said it lost. */
    static long stop(Process server, Path err) throws Exception {
        // xvfb-run is a script: a SIGTERM to it does not reach the app it started, so end the app itself first
        List<ProcessHandle> children = server.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        for (ProcessHandle child : children) {
            child.onExit().get(20, TimeUnit.SECONDS);
        }
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (Files.exists(err)) {
            var m = java.util.regex.Pattern.compile("(\\d+) of \\d+ events were not printed").matcher(Files.readString(err));
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        return 0;
    }

    /** The server's collector log, written anew by each start. */
    static Path gcLog(Kind kind) {
        return WORK.resolve(kind.label + "-gc.txt");
    }

    static Path errFile(Kind kind) {
        return WORK.resolve(kind.label + "-err.txt");
    }

    private static double idleCpu(Kind kind, double seconds) throws Exception {
        int port = freePort();
        Process server = start(kind, port);
        try {
            awaitPort(port, Duration.ofSeconds(30));
            Thread.sleep(10_000); // start-up work (class loading, the JIT compiling it) is not idling
            long before = cpuTicks(server.pid());
            Thread.sleep((long) (seconds * 1000));
            long used = cpuTicks(server.pid()) - before;
            return used * 100.0 / CLOCK_TICKS / seconds;
        } finally {
            stop(server, errFile(kind));
            server.destroyForcibly();
        }
    }

    interface Hook {
        void run() throws Exception;
    }

    static String runLoad(Path load, int port, int clients, double warmup, double seconds, int message,
            long pause) throws Exception {
        return runLoad(load, port, clients, warmup, seconds, message, pause, () -> { });
    }

    /** Runs the load generator; {@code atMeasureStart} runs when its warm-up ends. */
    static String runLoad(Path load, int port, int clients, double warmup, double seconds, int message,
            long pause, Hook atMeasureStart) throws Exception {
        Process p = new ProcessBuilder(load.toString(), Integer.toString(port), Integer.toString(clients),
                Double.toString(warmup), Double.toString(seconds), Integer.toString(message), Long.toString(pause))
                .redirectErrorStream(true).start();
        Thread.sleep((long) (warmup * 1000));
        atMeasureStart.run();
        if (!p.waitFor((long) (seconds + 30), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the load generator did not finish");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    static Map<String, String> parse(String line) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : line.split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        if (!kv.containsKey("requests")) {
            throw new IllegalStateException("the load generator said: " + line);
        }
        return kv;
    }

    /** utime + stime of every thread of the process, in clock ticks. */
    static long cpuTicks(long pid) throws IOException {
        return cpuTicksOf(Files.readString(Paths.get("/proc", Long.toString(pid), "stat")));
    }

    /** utime + stime of a {@code /proc/PID/stat} or {@code /proc/PID/task/TID/stat} line, in clock ticks. */
    static long cpuTicksOf(String stat) {
        // the name in parentheses may hold spaces and parentheses: the fields start after the last ')'
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static void awaitPort(int port, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (listening(port)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("nothing listens on port " + port + " after " + timeout.toSeconds() + " s");
    }

    /** The kernel's table of this machine, asked through sock_diag where it answers. */
    private static final KernelTcpTable KERNEL = KernelTcpTable.system();

    /**
     * Whether something listens on {@code port}. Asks the kernel instead of connecting, so the check is not a client
     * of the server; and asks for the listening sockets alone (sock_diag, about 0.06 ms of CPU a look), as the
     * start-up rows look every 2 ms: a read of {@code /proc/net/tcp} and {@code tcp6} costs the kernel about 4–5 ms
     * of CPU a look here (it walks its whole connection table), so looking that way every 2 ms took most of one of
     * the machine's two cores from the start it timed. {@code /proc} is read only where sock_diag does not answer.
     */
    static boolean listening(int port) throws IOException {
        Optional<List<TcpSocketRow>> listeners = KERNEL.listeners(port);
        return listeners.isPresent() ? !listeners.get().isEmpty() : listeningInProc(port);
    }

    /** The same from {@code /proc/net/tcp} and {@code tcp6}. */
    static boolean listeningInProc(int port) throws IOException {
        String hex = String.format(Locale.ROOT, ":%04X ", port);
        for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String row : Files.readAllLines(Paths.get(file))) {
                String[] f = row.trim().split("\\s+");
                if (f.length > 3 && (f[1] + " ").endsWith(hex) && f[3].equals("0A")) {
                    return true;
                }
            }
        }
        return false;
    }

    static Path compileLoadGenerator() throws Exception {
        Path source = Paths.get("src", "test", "c", "echo_load.c");
        Path binary = WORK.resolve("echo_load");
        Process gcc = new ProcessBuilder("gcc", "-O2", "-o", binary.toString(), source.toString()).inheritIO().start();
        if (gcc.waitFor() != 0) {
            throw new IllegalStateException("gcc could not compile " + source);
        }
        return binary.toAbsolutePath();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Each round's own ratio, SocketStage's figure over plain Java's from the same round (the two ran one after the
     * other), in round order: "rounds 0.78, 0.71, 0.81×". The table's ratio is of the medians; these show how far
     * single rounds spread around it, which on a shared machine is often more than a change moves it.
     */
    static String roundRatios(double[] socketStage, double[] plain) {
        int n = Math.min(socketStage.length, plain.length);
        StringBuilder out = new StringBuilder(n == 1 ? "round " : "rounds ");
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", socketStage[i] / plain[i]));
        }
        return out.append('×').toString();
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static String uptime() {
        try {
            return Files.readString(Paths.get("/proc/loadavg")).strip() + " (load averages 1/5/15 min; "
                    + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
