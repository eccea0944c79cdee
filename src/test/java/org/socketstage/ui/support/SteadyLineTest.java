package org.socketstage.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A counter's new text relays out its own line only, not the panes around it, unless the text no longer fits;
 * and the line is laid out where a managed label would be.
 */
@ExtendWith(ApplicationExtension.class)
class SteadyLineTest {

    private Label counter;
    private Label wrapping;
    private Label below;
    private VBox box;
    private SteadyLine line;
    private SteadyLine wrapLine;

    @Start
    void start(Stage stage) {
        counter = new Label("in 1000 B · out 1000 B");
        wrapping = new Label("This run: 1 accepted · 10 B received · 10 B sent");
        below = new Label("below");
        wrapping.setWrapText(true);
        line = new SteadyLine(counter);
        wrapLine = new SteadyLine(wrapping);
        box = new VBox(new Label("fd 5"), line, wrapLine, below);
        box.setMaxWidth(200);
        box.setMaxHeight(300);
        // inside a pane that keeps it 200 px wide whatever size an earlier test left the stage at
        javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(box);
        javafx.scene.layout.StackPane.setAlignment(box, javafx.geometry.Pos.TOP_LEFT);
        stage.setScene(new Scene(root, 200, 300));
        stage.show();
        // laid out now, not at the next pulse: the tests read sizes and layout flags at once
        root.applyCss();
        root.layout();
    }

    @Test
    void aTextOfTheSameSizeLeavesThePaneAloneALongerOneDoesNot(FxRobot robot) {
        double lineWidth = line.getWidth();
        assertThat(lineWidth).as("the line was laid out, 200 px wide at most").isPositive().isLessThanOrEqualTo(200);
        assertThat(counter.getWidth()).isEqualTo(lineWidth - line.snappedLeftInset() - line.snappedRightInset());
        assertThat(counter.getHeight()).isPositive();
        assertThat(below.getLayoutY()).isGreaterThanOrEqualTo(wrapLine.getLayoutY() + wrapLine.getHeight());

        boolean[] dirty = new boolean[2];
        robot.interact(() -> {
            counter.setText("in 2000 B · out 2000 B");
            dirty[0] = box.isNeedsLayout();
            box.layout();
            counter.setText("in 2000000000 B · out 2000000000 B (and then some more text)");
            dirty[1] = box.isNeedsLayout();
            box.layout();
        });
        assertThat(dirty[0]).as("same width: the pane needs no layout").isFalse();
        assertThat(dirty[1]).as("too wide for its line: the pane lays out again").isTrue();
    }

    @Test
    void aWrappingLineLaysOutAgainOnlyWhenItsHeightChanges(FxRobot robot) {
        boolean[] dirty = new boolean[2];
        double[] heights = new double[2];
        assertThat(wrapLine.getWidth()).as("the line was laid out").isPositive();
        robot.interact(() -> {
            heights[0] = wrapLine.getHeight();
            wrapping.setText("This run: 2 accepted · 20 B received · 20 B sent");
            dirty[0] = box.isNeedsLayout();
            box.layout();
            wrapping.setText("This run: 2 accepted · 20 B received · 20 B sent, and a much longer note that takes more lines");
            dirty[1] = box.isNeedsLayout();
            box.layout();
            heights[1] = wrapLine.getHeight();
        });
        assertThat(dirty[0]).isFalse();
        assertThat(dirty[1]).isTrue();
        assertThat(heights[1]).isGreaterThan(heights[0]);
        assertThat(below.getLayoutY()).isGreaterThanOrEqualTo(wrapLine.getLayoutY() + heights[1]);
    }

    @Test
    void inPlaceOfKeepsTheLabelsPlaceItsSiblingsAndItsLayoutConstraints(FxRobot robot) {
        robot.interact(() -> {
            Label first = new Label("first");
            Label counted = new Label("LIVE (2 events)");
            Label after = new Label("after");
            javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(first, counted, after);
            javafx.scene.layout.HBox.setHgrow(counted, javafx.scene.layout.Priority.ALWAYS);
            javafx.scene.layout.HBox.setMargin(counted, new javafx.geometry.Insets(4));

            SteadyLine placed = SteadyLine.inPlaceOf(counted);

            // the sibling after the label stays: replacing by index after the label had left shifted it out
            assertThat(bar.getChildren()).containsExactly(first, placed, after);
            assertThat(placed.label()).isSameAs(counted);
            assertThat(counted.getParent()).isSameAs(placed);
            assertThat(javafx.scene.layout.HBox.getHgrow(placed)).isEqualTo(javafx.scene.layout.Priority.ALWAYS);
            assertThat(javafx.scene.layout.HBox.getMargin(placed)).isEqualTo(new javafx.geometry.Insets(4));
        });
    }
}
