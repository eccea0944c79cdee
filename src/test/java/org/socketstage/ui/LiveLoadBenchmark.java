package org.socketstage.ui;

import static org.awaitility.Awaitility.await;
import static org.socketstage.ui.MainWindowTest.fx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.EventBus;
import org.socketstage.settings.Concurrency;
import org.socketstage.socket.SocketBackend;
import org.socketstage.ui.text.UiText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A measurement, not a test (its name keeps it out of the default run): 50 clients echo without pause for
 * 15 s in live mode while the FX thread is probed every 20 ms. Run it with
 * {@code ./mvnw test -Dtest=LiveLoadBenchmark} (each client pauses 100 ms between lines) or add
 * {@code -Dbench.pauseMillis=0} for a flood, and read the printed numbers.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class LiveLoadBenchmark {

    private static final int CLIENTS = 50;
    private static final Duration LOAD = Duration.ofSeconds(15);
    private static final byte[] LINE = "hello\n".getBytes(StandardCharsets.US_ASCII);

    private MainWindow window;
    private int port;
    private final AtomicLong echoes = new AtomicLong();
    private final ExecutorService clientThreads = Executors.newFixedThreadPool(CLIENTS, r -> {
        Thread t = new Thread(r, "bench-echo-client");
        t.setDaemon(true);
        return t;
    });

    @Start
    void start(Stage stage) throws IOException {
        AppPrefs prefs = AppPrefs.open();
        prefs.clear();
        port = MainWindowTest.freePort();
        MainViewModel vm = new MainViewModel(org.socketstage.session.TestSessions.forWindow(), UiText.load());
        window = MainWindow.open(stage, vm, prefs);
        vm.settings().portProperty().set(Integer.toString(port));
        vm.settings().backlogProperty().set("64");
        vm.settings().concurrencyProperty().set(Concurrency.THREAD_PER_CLIENT);
    }

    @AfterEach
    void close(FxRobot robot) throws InterruptedException {
        clientThreads.shutdownNow();
        clientThreads.awaitTermination(5, TimeUnit.SECONDS);
        robot.interact(window::close);
    }

    /** 0 floods; otherwise each client waits this long between lines, like a busy classroom. */
    private static final long PAUSE_MILLIS = Long.getLong("bench.pauseMillis", 100);

    private void echoUntil(long endNanos) throws IOException, InterruptedException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] back = new byte[LINE.length];
            while (System.nanoTime() < endNanos) {
                out.write(LINE);
                int got = 0;
                while (got < back.length) {
                    int n = in.read(back, got, back.length - got);
                    if (n < 0) {
                        throw new IOException("server closed early");
                    }
                    got += n;
                }
                echoes.incrementAndGet();
                if (PAUSE_MILLIS > 0) {
                    TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
                }
            }
        }
    }

    @Test
    void fiftyClientsEchoingForFifteenSeconds(FxRobot robot) {
        // the pane tab shown while the load runs: the stage (the first tab) unless -Dbench.tab names another
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup("#panes").queryAs(javafx.scene.control.TabPane.class);
            String wanted = System.getProperty("bench.tab", "stage-tab");
            tabs.getTabs().stream().filter(t -> wanted.equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        robot.clickOn("#live-button");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> window.viewModel().sockets().listenerProperty()
                .get().state()).contains("LISTEN"));
        long end = System.nanoTime() + LOAD.toNanos();
        for (int i = 0; i < CLIENTS; i++) {
            clientThreads.submit(() -> {
                echoUntil(end);
                return null;
            });
        }
        List<Long> probes = new CopyOnWriteArrayList<>();
        // the real frame rate: the time between two pulses, as an AnimationTimer sees it (the stage tab is shown)
        List<Long> pulseGaps = new CopyOnWriteArrayList<>();
        AnimationTimer pulses = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    pulseGaps.add(TimeUnit.NANOSECONDS.toMicros(now - last));
                }
                last = now;
            }
        };
        robot.interact(pulses::start);
        // -Dbench.dirty=true: which parts of the window need layout at each pulse (what an event makes relayout)
        Map<String, Integer> dirty = new ConcurrentHashMap<>();
        Runnable dirtyProbe = () -> countDirty(window.stage().getScene().getRoot(), "", dirty);
        if (Boolean.getBoolean("bench.dirty")) {
            robot.interact(() -> window.stage().getScene().addPreLayoutPulseListener(dirtyProbe));
        }
        // -Dbench.moved=true: which nodes moved or changed size in their parent at each pulse of the load's first
        // 3 s (a node whose geometry changes is repainted whole, and so is what it moves)
        Map<String, Integer> moved = new ConcurrentHashMap<>();
        Map<Node, Bounds> lastBounds = new WeakHashMap<>();
        long movedUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        Runnable movedProbe = () -> {
            if (System.nanoTime() < movedUntil) {
                countMoved(window.stage().getScene().getRoot(), "", lastBounds, moved);
            }
        };
        if (Boolean.getBoolean("bench.moved")) {
            robot.interact(() -> {
                countMoved(window.stage().getScene().getRoot(), "", lastBounds, new HashMap<>());
                window.stage().getScene().addPostLayoutPulseListener(movedProbe);
            });
        }
        // -Dbench.css=true: which nodes have their styles worked out again at each pulse (JavaFX's CSS pass works on
        // the nodes whose flag is not CLEAN; each costs a look-up keyed by its and all its parents' pseudo-classes)
        CssPassProbe cssProbe = Boolean.getBoolean("bench.css") ? fx(() -> new CssPassProbe(window.stage().getScene()).start()) : null;
        // CPU time, unlike waiting, does not depend on what else the machine runs: it compares views fairly
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long fxThread = fx(() -> Thread.currentThread().getId());
        long fxCpuBefore = cpu.getThreadCpuTime(fxThread);
        await().atMost(LOAD.plusSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            long t0 = System.nanoTime();
            fx(() -> 0);
            probes.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
            return System.nanoTime() > end;
        });
        robot.interact(pulses::stop);
        robot.interact(() -> window.stage().getScene().removePreLayoutPulseListener(dirtyProbe));
        if (cssProbe != null) {
            System.out.print(fx(() -> cssProbe.stop(40)).replaceAll("(?m)^", "LiveLoadBenchmark: "));
        }
        dirty.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(60)
                .forEach(e -> System.out.printf("LiveLoadBenchmark: needs layout %5d× %s%n", e.getValue(), e.getKey()));
        moved.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                .forEach(e -> System.out.println("  moved in " + e.getValue() + " pulses: " + e.getKey()));
        long fxCpuMillis = TimeUnit.NANOSECONDS.toMillis(cpu.getThreadCpuTime(fxThread) - fxCpuBefore);
        long events = fx(() -> window.viewModel().feed().history().droppedCount() + window.viewModel().feed().sizeProperty().get());
        List<Long> sorted = new ArrayList<>(probes);
        Collections.sort(sorted);
        System.out.printf("LiveLoadBenchmark: pause between lines %d ms, pane tab shown: %s%n", PAUSE_MILLIS,
                System.getProperty("bench.tab", "stage-tab"));
        System.out.printf("LiveLoadBenchmark: %d clients, %d s, %d echoes (%d/s), %d events in the view (%d/s)%n",
                CLIENTS, LOAD.toSeconds(), echoes.get(), echoes.get() / LOAD.toSeconds(), events, events / LOAD.toSeconds());
        System.out.printf("LiveLoadBenchmark: FX thread answer time over %d probes: median %.1f ms, 95th %.1f ms, 99th %.1f ms, max %.1f ms%n",
                sorted.size(), at(sorted, 50), at(sorted, 95), at(sorted, 99), sorted.get(sorted.size() - 1) / 1000.0);
        System.out.printf("LiveLoadBenchmark: FX thread CPU time during the load: %d ms (%.0f%% of one core)%n",
                fxCpuMillis, 100.0 * fxCpuMillis / LOAD.toMillis());
        List<Long> gaps = new ArrayList<>(pulseGaps);
        Collections.sort(gaps);
        System.out.printf("LiveLoadBenchmark: FX pulse gap over %d pulses: median %.1f ms, 95th %.1f ms, 99th %.1f ms, max %.1f ms%n",
                gaps.size(), at(gaps, 50), at(gaps, 95), at(gaps, 99), gaps.get(gaps.size() - 1) / 1000.0);
    }

    /** Counts, per path of ids/classes, the parents that need layout now, down to the deepest dirty ones. */
    private static void countDirty(Node node, String path, Map<String, Integer> dirty) {
        if (!(node instanceof Parent p) || !p.isNeedsLayout() || !node.isVisible()) {
            return;
        }
        String name = node.getId() != null ? "#" + node.getId()
                : node.getStyleClass().isEmpty() ? node.getClass().getSimpleName() : "." + node.getStyleClass().get(0);
        String here = path.isEmpty() ? name : path + " > " + name;
        dirty.merge(here, 1, Integer::sum);
        for (Node child : p.getChildrenUnmodifiable()) {
            countDirty(child, here, dirty);
        }
    }

    private static void countMoved(Node node, String path,
            Map<Node, Bounds> last, Map<String, Integer> moved) {
        if (!node.isVisible()) {
            return;
        }
        String name = node.getId() != null ? "#" + node.getId()
                : node.getStyleClass().isEmpty() ? node.getClass().getSimpleName() : "." + node.getStyleClass().get(0);
        String here = path.isEmpty() ? name : path + " > " + name;
        Bounds now = node.getBoundsInParent();
        Bounds before = last.put(node, now);
        if (before != null && !before.equals(now)) {
            moved.merge(here + (before.getWidth() != now.getWidth() || before.getHeight() != now.getHeight()
                    ? " (resized)" : " (moved)"), 1, Integer::sum);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                countMoved(child, here, last, moved);
            }
        }
    }

    private static double at(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1000.0;
    }
}
