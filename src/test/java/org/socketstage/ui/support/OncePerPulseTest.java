package org.socketstage.ui.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Work asked of a pane in a hidden tab waits until the tab shows: under a class's load the hidden event log and
 * lesson pane must not scroll and lay out every frame while the stage is on screen.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OncePerPulseTest {

    private TabPane tabs;
    private Tab hidden;
    private Label shownOwner;
    private ListView<String> hiddenList;

    @Start
    void start(Stage stage) {
        shownOwner = new Label("on screen");
        hiddenList = new ListView<>();
        tabs = new TabPane(new Tab("first", shownOwner), hidden = new Tab("second", hiddenList));
        stage.setScene(new Scene(tabs, 400, 300));
        stage.show();
    }

    /** Waits for {@code count} pulses to pass, by an animation timer (a pulse runs the pre-layout listeners). */
    private static void pulses(FxRobot robot, int count) throws InterruptedException {
        CountDownLatch seen = new CountDownLatch(count);
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                seen.countDown();
            }
        };
        robot.interact(timer::start);
        assertThat(seen.await(10, TimeUnit.SECONDS)).as("pulses ran").isTrue();
        robot.interact(timer::stop);
    }

    @Test
    void aRequestInAHiddenTabRunsOnceWhenTheTabShows(FxRobot robot) throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        OncePerPulse[] once = new OncePerPulse[1];
        robot.interact(() -> once[0] = new OncePerPulse(hiddenList, runs::incrementAndGet));
        robot.interact(() -> {
            once[0].request();
            once[0].request();
        });
        pulses(robot, 5);
        assertThat(runs).as("nothing runs while the tab is hidden").hasValue(0);

        robot.interact(() -> tabs.getSelectionModel().select(hidden));
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
        pulses(robot, 5);
        assertThat(runs).as("the waiting requests ran once").hasValue(1);
    }

    @Test
    void aRequestOnScreenRunsInTheNextPulse(FxRobot robot) {
        AtomicInteger runs = new AtomicInteger();
        robot.interact(() -> new OncePerPulse(shownOwner, runs::incrementAndGet).request());
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
    }

    @Test
    void aMirrorOfAHiddenListCatchesUpWhenItsTabShows(FxRobot robot) throws InterruptedException {
        ObservableList<String> source = FXCollections.observableArrayList("a");
        PulseMirror<String>[] mirror = new PulseMirror[1];
        robot.interact(() -> {
            mirror[0] = new PulseMirror<>(hiddenList, source);
            hiddenList.setItems(mirror[0].items());
            source.addAll("b", "c");
            source.remove(0);
        });
        pulses(robot, 5);
        assertThat(hiddenList.getItems()).as("hidden: not yet").containsExactly("a");
        robot.interact(() -> tabs.getSelectionModel().select(hidden));
        await().atMost(Duration.ofSeconds(10)).until(() -> hiddenList.getItems().equals(java.util.List.of("b", "c")));
    }
}
