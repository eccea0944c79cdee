package org.socketstage.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.socketstage.ui.SocketStageApp;

/**
 * The whole app as a user starts it, plus a frame probe the benchmark drives through standard input, for
 * {@link SideBySideBenchmark}. Prints SHOWN at the first pulse after the window is shown. Commands, one a line:
 * PROBE starts an AnimationTimer that records the time between pulses (while it runs, JavaFX pulses every
 * frame, so it is started only for the loaded phases, never while idle CPU is measured); REPORT stops it and
 * prints {@code FRAMES n p50_ms p99_ms max_ms fps}; EVENTS prints {@code EVENTS total}: the events the views
 * have taken in.
 */
public final class ProbedWindow extends SocketStageApp {

    private final List<Long> gaps = new ArrayList<>();
    /** The gaps over 20 ms (the target) and when they ended (ms since PROBE): where in the run the slow frames fall. */
    private final List<String> slow = new ArrayList<>();
    /** Every frame of a 120 s flood could be one (7,200 at 60 fps); 400 before, which capped the flood's count. */
    private static final int MAX_SLOW = 8_000;
    private long probeStart;
    /** With -Dbench.css=true: what each probed phase restyles (printed to standard error at REPORT). */
    private org.socketstage.ui.CssPassProbe cssProbe;
    private long probeStartUptime;
    private long last;
    private final AnimationTimer probe = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (last != 0) {
                gaps.add(now - last);
                if (now - last > 20_000_000L && slow.size() < MAX_SLOW) {
                    slow.add((now - probeStart) / 1_000_000 + ":" + (now - last) / 1_000_000);
                }
            }
            last = now;
        }
    };

    @Override
    public void start(Stage stage) {
        super.start(stage);
        sayShownAtNextPulse();
        Thread commands = new Thread(this::readCommands, "bench-commands");
        commands.setDaemon(true);
        commands.start();
    }

    /** Prints SHOWN once the window has been through a pulse (it is on the screen, laid out and drawn). */
    static void sayShownAtNextPulse() {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                System.out.println("SHOWN");
                System.out.flush();
            }
        }.start();
    }

    private void readCommands() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String answer = switch (line.trim()) {
                    case "PROBE" -> onFx(this::startProbe);
                    case "REPORT" -> onFx(this::report);
                    case "EVENTS" -> onFx(this::events);
                    case "SLOW" -> onFx(() -> "SLOW (the probe started " + probeStartUptime + " ms after the JVM) "
                            + String.join(" ", slow));
                    default -> "UNKNOWN " + line;
                };
                System.out.println(answer);
                System.out.flush();
            }
        } catch (Exception e) {
            System.out.println("FAILED " + e);
        }
    }

    private static String onFx(java.util.function.Supplier<String> work) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Platform.runLater(() -> f.complete(work.get()));
        return f.join();
    }

    private String startProbe() {
        gaps.clear();
        slow.clear();
        last = 0;
        probeStart = System.nanoTime();
        probeStartUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        probe.start();
        if (Boolean.getBoolean("bench.css")) {
            cssProbe = new org.socketstage.ui.CssPassProbe(window().stage().getScene()).start();
        }
        return "PROBING";
    }

    private String report() {
        probe.stop();
        if (cssProbe != null) {
            System.err.print(cssProbe.stop(40));
            cssProbe = null;
        }
        double seconds = (System.nanoTime() - probeStart) / 1e9;
        List<Long> sorted = new ArrayList<>(gaps);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "FRAMES 0 0 0 0 0";
        }
        return String.format(Locale.ROOT, "FRAMES %d %.1f %.1f %.1f %.1f", sorted.size(), at(sorted, 50) / 1e6,
                at(sorted, 99) / 1e6, sorted.get(sorted.size() - 1) / 1e6, sorted.size() / seconds);
    }

    private String events() {
        var feed = window().viewModel().feed();
        long total = feed.history().droppedCount() + feed.sizeProperty().get();
        // the status bar's own words when the view is behind (events waiting, events not shown), else nothing
        String lag = javafx.stage.Window.getWindows().stream().map(w -> w.getScene() == null ? null
                        : w.getScene().lookup("#view-lag"))
                .filter(n -> n instanceof javafx.scene.control.Label).map(n -> ((javafx.scene.control.Label) n).getText())
                .filter(t -> t != null && !t.isEmpty()).findFirst().orElse("");
        return "EVENTS " + total + (lag.isEmpty() ? "" : " (" + lag + ")");
    }

    private static long at(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }

    /** A main class that is not an Application, so the java launcher runs it from the class path. */
    public static final class Launcher {
        public static void main(String[] args) {
            // as org.socketstage.Main does for the window, through the same code from the options on
            org.socketstage.socket.SocketBackend.loadNativeEarly();
            org.socketstage.Main.openWindow(ProbedWindow.class, args);
        }
    }
}
