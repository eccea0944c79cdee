package org.socketstage.ui.lane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socketstage.event.Step;
import org.socketstage.ui.MainWindow;
import org.socketstage.ui.PresentationViewModel.Theme;
import org.socketstage.ui.Resources;
import org.socketstage.ui.text.UiText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A lane card shown again as it was changes none of its style classes (each change restyles the card, and under
 * a class's load the recv and send cards are shown ten times a second), and the card of the latest call is marked
 * by a halo drawn as a second border, not by an effect (a blur of the card at every change).
 */
@ExtendWith(ApplicationExtension.class)
class StageNodeTest {

    private StageNode node;
    private Scene scene;

    @Start
    void start(Stage stage) {
        node = new StageNode(Step.RECV, UiText.load());
        scene = new Scene(new StackPane(node), 400, 300);
        scene.getStylesheets().add(Resources.stylesheet(MainWindow.BASE_CSS));
        stage.setScene(scene);
        stage.show();
    }

    private static StageCard card(StageStatus status) {
        return StageCard.waiting(Step.RECV).with(status);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theSameCardShownAgainLeavesTheStyleClassesAloneAndTheCurrentCardHasAHaloNotAnEffect(Theme theme, FxRobot robot) {
        AtomicInteger changes = new AtomicInteger();
        robot.interact(() -> {
            scene.getStylesheets().add(Resources.stylesheet(theme.stylesheet()));
            node.show(card(StageStatus.ACTIVE), true);
            node.getStyleClass().addListener((ListChangeListener<String>) c -> changes.incrementAndGet());
            node.show(card(StageStatus.ACTIVE), true);
            node.show(card(StageStatus.ACTIVE), true);
        });
        assertThat(changes).hasValue(0);

        robot.interact(() -> {
            node.show(card(StageStatus.OK), true);
            node.applyCss();
        });
        assertThat(node.getStyleClass()).contains("stage-ok", "stage-current").doesNotContain("stage-active");
        assertThat(node.getEffect()).isNull();
        // the card's own edge in its state's colour, then the halo around it, translucent
        assertThat(node.getBorder().getStrokes()).hasSize(2);
        Color edge = (Color) node.getBorder().getStrokes().get(0).getTopStroke();
        Color halo = (Color) node.getBorder().getStrokes().get(1).getTopStroke();
        assertThat(halo.getOpacity()).isBetween(0.2, 0.6);
        assertThat(edge).isNotEqualTo(halo);
        assertThat(node.getBorder().getStrokes().get(1).getInsets().getTop()).isNegative();

        robot.interact(() -> {
            node.show(card(StageStatus.OK), false);
            node.applyCss();
        });
        assertThat(node.getStyleClass()).contains("stage-ok").doesNotContain("stage-current");
        assertThat(node.getBorder().getStrokes()).hasSize(1);
        assertThat(node.getBorder().getStrokes().get(0).getTopStroke()).isEqualTo(edge);
    }
}
