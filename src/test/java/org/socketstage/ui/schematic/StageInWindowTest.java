package org.socketstage.ui.schematic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socketstage.ui.MainWindowProbe.fx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.session.TestSessions;
import org.socketstage.ui.MainWindowProbe;
import org.socketstage.ui.ShownText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The stage in the window as it opens (1280x800, the default split) and in the presentation layout. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StageInWindowTest {

    private MainWindowProbe window;
    private StageMoments moments;

    @Start
    void start(Stage stage) {
        window = MainWindowProbe.open(stage, TestSessions.forWindow());
        moments = new StageMoments(window.viewModel().session(), window.stageView());
    }

    @AfterEach
    void stop(FxRobot robot) throws IOException {
        moments.close();
        robot.interact(window::close);
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void at1280x800TheStageDrawsFourRowsOfClientsEachWhole(FxRobot robot) {
        window.showStageTab();
        window.layout(1280, 800, false);
        moments.liveWithEchoingClients(30); // two-digit counts: "+27 more · 27 connected" was cut
        // at least three clients one by one and the "+N more" row for the rest (it was one and one); the
        // listener's state has a line of its own, so it is never cut, which leaves room for four rows, not five
        await().atMost(StageMoments.WAIT).until(() -> moments.frame().rows().size() >= 3);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.snapshot("stage-rows-1280x800"));
        assertThat(fx(() -> window.stageView().compactRows())).isTrue();
        assertThat(moments.frame().group()).as("thirty clients: the rest share the last row").isNotNull();
        Bounds stage = fx(() -> inScene(robot.lookup(".schematic-stage").query()));
        List<Bounds> rows = fx(() -> robot.lookup(".schematic-client").queryAll().stream()
                .filter(n -> n.isVisible() && n.getUserData() instanceof FigureRef r && r.kind() == FigureRef.Kind.CLIENT)
                .map(StageInWindowTest::inScene).toList());
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(stage.contains(rows.get(i))).as("row %d %s inside %s", i, rows.get(i), stage).isTrue();
            for (int j = i + 1; j < rows.size(); j++) {
                assertThat(rows.get(i).intersects(rows.get(j))).as("rows %d and %d overlap", i, j).isFalse();
            }
        }
        Node group = fx(() -> robot.lookup("#schematic-group").query());
        assertThat(fx(group::isVisible)).isTrue();
        Bounds groupRow = fx(() -> inScene(group));
        assertThat(stage.contains(groupRow)).as("the group row inside the stage").isTrue();
        assertThat(rows).noneMatch(groupRow::intersects);
        assertThat(fx(() -> ShownText.cut(robot.lookup(".schematic-stage").query()))).as("texts the stage shortened")
                .isEmpty();
    }

    /**
     * JavaFX keeps the styles that match a node by its type, id and style classes for as long as the scene has its
     * stylesheets: a node per connection with an id of its own ("conn-7") cost each new card a full match against
     * every stylesheet and left an entry in that cache for the rest of the class.
     */
    @Test
    void aClassConnectingGivesNoNodeAnIdOfItsOwn(FxRobot robot) {
        window.showStageTab();
        window.layout(1280, 800, false);
        moments.liveWithEchoingClients(30);
        await().atMost(StageMoments.WAIT).until(() -> fx(() -> robot.lookup(".conn-card").queryAll().size()) >= 20);
        List<String> numbered = fx(() -> {
            List<String> ids = new ArrayList<>();
            collectIds(robot.lookup(".schematic-stage").query().getScene().getRoot(), ids);
            return ids.stream().filter(id -> id.matches(".*\\d+$")).distinct().sorted().toList();
        });
        assertThat(fx(() -> robot.lookup(".conn-card").queryAll().stream().filter(n -> n.getId() != null).toList()))
                .isEmpty();
        assertThat(fx(() -> robot.lookup(".schematic-client").queryAll().size())).isGreaterThanOrEqualTo(3);
        // the queue's slots are numbered by place, as many as are drawn, whatever the number of clients
        assertThat(numbered).isNotEmpty().allMatch(id -> id.startsWith("schematic-slot-"));
    }

    private static void collectIds(Node n, List<String> ids) {
        if (n.getId() != null) {
            ids.add(n.getId());
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectIds(c, ids));
        }
    }

    @Test
    void at1280x800NoTextOnTheStageIsCutWithClientsQueued(FxRobot robot) throws Exception {
        window.showStageTab();
        window.layout(1280, 800, false);
        Node empty = fx(() -> robot.lookup(".schematic-stage").query());
        assertThat(fx(() -> ShownText.cut(empty))).as("before the server starts: texts the stage shortened").isEmpty();
        moments.atAcceptWithQueued(3);
        WaitForAsyncUtils.waitForFxEvents();
        Node stage = fx(() -> robot.lookup(".schematic-stage").query());
        assertThat(fx(() -> ShownText.readable(stage).size())).as("texts on the stage").isGreaterThan(8);
        assertThat(fx(() -> ShownText.cut(stage))).as("queued: texts the stage shortened").isEmpty();
    }

    @Test
    void at1280x800NoTextOnTheStageIsCutWithClientsEchoing(FxRobot robot) {
        window.showStageTab();
        window.layout(1280, 800, false);
        moments.liveWithEchoingClients(3);
        Node stage = fx(() -> robot.lookup(".schematic-stage").query());
        await().atMost(StageMoments.WAIT).until(() -> moments.frame().rows().stream()
                .filter(r -> r.connection() != null && r.connection().title().startsWith("fd ")).count() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.snapshot("stage-echoing-1280x800"));
        assertThat(fx(() -> ShownText.cut(stage))).as("echoing: texts the stage shortened").isEmpty();
    }

    @Test
    void inPresentationNoPacketEverCoversTheQueuesNoteWhileTheQueueOverflows(FxRobot robot) throws Exception {
        window.showStageTab();
        window.layout(1280, 800, true); // the projector's proportions: the root font is the height / 45
        List<String> overlaps = new ArrayList<>();
        AtomicInteger droppedSeen = new AtomicInteger();
        Scene scene = fx(() -> robot.lookup("#schematic-queue-note").query().getScene());
        // checked after every pulse's layout, so no moment of a flight is missed
        Runnable check = () -> {
            Node note = scene.lookup("#schematic-queue-note");
            if (note == null || !note.isVisible() || ((javafx.scene.control.Label) note).getText().isEmpty()) {
                return;
            }
            Bounds noteBounds = inScene(note);
            for (Node e : scene.getRoot().lookupAll(".schematic-envelope")) {
                if (!e.isVisible()) {
                    continue;
                }
                if (e.getStyleClass().contains("schematic-envelope-dropped")) {
                    droppedSeen.incrementAndGet();
                }
                Bounds b = inScene(e);
                if (b.intersects(noteBounds)) {
                    overlaps.add(((javafx.scene.control.Label) e).getText() + " " + b + " over the note " + noteBounds);
                }
            }
        };
        robot.interact(() -> scene.addPostLayoutPulseListener(check));
        try {
            moments.overflow(5);
            // the dropped SYN's whole flight, until it has fallen
            await().atMost(StageMoments.WAIT).until(() -> moments.frame().envelopes().stream()
                    .noneMatch(e -> e.dropped() && !e.resting() && e.lands() > System.nanoTime()));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> window.snapshot("stage-overflow-presentation-1280x800"));
        } finally {
            robot.interact(() -> scene.removePostLayoutPulseListener(check));
        }
        assertThat(droppedSeen.get()).as("pulses that drew a dropped SYN beside the note").isPositive();
        assertThat(fx(() -> ShownText.cut(robot.lookup(".schematic-stage").query()))).as("texts the stage shortened")
                .isEmpty();
        assertThat(fx(() -> List.copyOf(overlaps))).isEmpty();
    }
}
