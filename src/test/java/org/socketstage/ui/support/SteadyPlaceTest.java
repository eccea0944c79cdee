package org.socketstage.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A control that asks for layout without changing size (a slider's thumb moving) is laid out alone; one whose
 * size changed (a card given a longer text) still lays out the panes around it; the place sits where the control
 * sat, with its constraints.
 */
@ExtendWith(ApplicationExtension.class)
class SteadyPlaceTest {

    private HBox bar;
    private Slider slider;
    private SteadyPlace sliderPlace;
    private VBox card;
    private Label cardText;
    private HBox row;

    @Start
    void start(Stage stage) {
        slider = new Slider(0, 100, 0);
        Label before = new Label("History");
        Label after = new Label("LIVE");
        bar = new HBox(before, slider, after);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        sliderPlace = SteadyPlace.inPlaceOf(slider);
        cardText = new Label("recv()");
        card = new VBox(cardText);
        card.setPadding(new Insets(4));
        row = new HBox(new Label("→"), new SteadyPlace(card), new Label("→"));
        VBox root = new VBox(bar, row);
        StackPane holder = new StackPane(root);
        StackPane.setAlignment(root, javafx.geometry.Pos.TOP_LEFT);
        stage.setScene(new Scene(holder, 400, 200));
        stage.show();
        holder.applyCss();
        holder.layout();
    }

    @Test
    void theSliderTakesItsPlaceAndItsRoomAmongTheSameSiblings(FxRobot robot) {
        assertThat(bar.getChildren()).hasSize(3).element(1).isSameAs(sliderPlace);
        assertThat(slider.getParent()).isSameAs(sliderPlace);
        assertThat(HBox.getHgrow(sliderPlace)).isEqualTo(Priority.ALWAYS);
        // the place grew to the room the bar had left, and the slider fills it
        assertThat(sliderPlace.getWidth()).isGreaterThan(bar.getWidth() / 2);
        assertThat(slider.getWidth()).isEqualTo(sliderPlace.getWidth());
        assertThat(slider.getHeight()).isEqualTo(sliderPlace.getHeight()).isPositive();
    }

    @Test
    void movingTheThumbLeavesTheBarAloneAWiderCardDoesNot(FxRobot robot) {
        boolean[] dirty = new boolean[2];
        double[] before = new double[1];
        robot.interact(() -> {
            slider.setMax(5000);
            slider.setValue(4000);
            dirty[0] = bar.isNeedsLayout();
            before[0] = card.getWidth();
            cardText.setText("recv()"); // the same text: nothing
            dirty[1] = row.isNeedsLayout();
        });
        assertThat(dirty[0]).as("the thumb moved: the bar needs no layout").isFalse();
        assertThat(dirty[1]).isFalse();
        robot.interact(() -> cardText.setText("recv() = 5, and a much longer result than before"));
        // the card is laid out alone at the next pulse; its place finds it grew and the row follows a pulse later
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                org.testfx.util.WaitForAsyncUtils.asyncFx(() -> card.getWidth()).get() > before[0]);
        robot.interact(() -> {
            assertThat(card.getWidth()).isEqualTo(card.prefWidth(-1));
            assertThat(row.getWidth()).isGreaterThanOrEqualTo(card.getWidth());
        });
    }
}
