package org.socketstage.ui.lessons;

import org.socketstage.event.TestEvents;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.Actor;
import org.socketstage.event.Step;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A measurement, not a test (its name keeps it out of the default run): the lesson pane alone, fed a server
 * that changes stage every frame (recv, send, recv, ... as a busy echo server does), and the FX thread's time
 * in each frame from its start to the end of layout (the pane's own work, CSS and layout; not drawing). Run it
 * with {@code ./mvnw test -Dtest=LessonPaneBenchmark} and read the printed numbers.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(300)
class LessonPaneBenchmark {

    private static final TestEvents EVENTS = new TestEvents();

    private static final int FRAMES = Integer.getInteger("bench.frames", 400);

    private PaneHarness pane;
    private final List<Long> frameMicros = new CopyOnWriteArrayList<>();
    private final AtomicInteger pulses = new AtomicInteger();
    private long frameStart;

    @Start
    void start(Stage stage) throws IOException {
        pane = PaneHarness.show(stage, 560, 790);
        // animations run first in a pulse, before any scene's pre-layout listeners (the pane's included)
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                frameStart = System.nanoTime();
            }
        }.start();
        pane.scene.addPostLayoutPulseListener(() -> {
            frameMicros.add((System.nanoTime() - frameStart) / 1_000);
            pulses.incrementAndGet();
        });
    }

    private void nextFrame(FxRobot robot) {
        int target = pulses.get() + 1;
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            robot.interact(Platform::requestNextPulse);
            return pulses.get() >= target;
        });
    }

    @Test
    void aStageChangeEveryFrame(FxRobot robot) throws Exception {
        run(robot, "as shipped");
        try {
            java.lang.reflect.Method pace = LessonPaneView.class.getDeclaredMethod("setFollowPause",
                    javafx.util.Duration.class);
            pace.setAccessible(true);
            robot.interact(() -> {
                try {
                    pace.invoke(pane.view, javafx.util.Duration.ZERO);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            run(robot, "marker moved every frame (no pause)");
        } catch (NoSuchMethodException e) {
            // a version without a pace: the run above already moved the marker every frame
        }
    }

    private void run(FxRobot robot, String label) {
        for (int i = 0; i < 30; i++) { // warm up
            changeStage(robot, i);
        }
        frameMicros.clear();
        long t0 = System.nanoTime();
        for (int i = 0; i < FRAMES; i++) {
            changeStage(robot, i);
        }
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        List<Long> sorted = new ArrayList<>(frameMicros);
        Collections.sort(sorted);
        long total = sorted.stream().mapToLong(Long::longValue).sum();
        long busy = sorted.stream().filter(us -> us >= 1_000).count();
        System.out.printf("LessonPaneBenchmark [%s]: %d stage changes, %d frames in %d ms; frames with >= 1 ms of "
                + "layout work: %d%n", label, FRAMES, sorted.size(), wallMs, busy);
        System.out.printf("LessonPaneBenchmark [%s]: layout work %.2f ms per stage change; per frame median %.2f ms, "
                + "99th %.2f ms, max %.2f ms%n", label, total / 1000.0 / FRAMES, at(sorted, 50), at(sorted, 99),
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    private void changeStage(FxRobot robot, int n) {
        robot.interact(() -> pane.view.viewModel().apply(EVENTS.started(Actor.connection(7, null),
                n % 2 == 0 ? Step.RECV : Step.SEND)));
        nextFrame(robot);
    }

    private static double at(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1000.0;
    }
}
