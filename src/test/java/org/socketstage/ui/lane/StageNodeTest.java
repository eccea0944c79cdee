package org.socketstage.ui.lane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.socketstage.event.Step;
import org.socketstage.ui.PresentationViewModel.Theme;
import org.socketstage.ui.support.SteadyLine;
import org.socketstage.ui.text.UiText;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A lane card shown again as it was changes none of its pseudo-classes (each change restyles the card, and under
 * a class's load the recv and send cards are shown ten times a second); a change of status or of the latest call
 * needs no layout; and the card of the latest call is marked by a halo drawn as a second border, not by an effect
 * (a blur of the card at every change).
 */
@ExtendWith(ApplicationExtension.class)
class StageNodeTest {

    private StageNode node;
    private Scene scene;

    @Start
    void start(Stage stage) {
        node = new StageNode(Step.RECV, UiText.load());
        scene = org.socketstage.ui.WindowStyles.apply(new Scene(new StackPane(node), 400, 300));
        stage.setScene(scene);
        stage.show();
    }

    private static StageCard card(StageStatus status) {
        return StageCard.waiting(Step.RECV).with(status);
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theSameCardShownAgainLeavesItsLookAloneAndTheCurrentCardHasAHaloNotAnEffect(Theme theme, FxRobot robot) {
        AtomicInteger changes = new AtomicInteger();
        AtomicInteger styleClassChanges = new AtomicInteger();
        robot.interact(() -> {
            org.socketstage.ui.WindowStyles.apply(scene, theme);
            node.show(card(StageStatus.ACTIVE), true);
            node.getPseudoClassStates().addListener((SetChangeListener<PseudoClass>) c -> changes.incrementAndGet());
            node.getStyleClass().addListener((ListChangeListener<String>) c -> styleClassChanges.incrementAndGet());
            node.show(card(StageStatus.ACTIVE), true);
            node.show(card(StageStatus.ACTIVE), true);
        });
        assertThat(changes).hasValue(0);

        robot.interact(() -> {
            node.show(card(StageStatus.OK), true);
            node.applyCss();
        });
        assertThat(node.getPseudoClassStates()).contains(StageStatus.OK.pseudoClass(), StageNode.CURRENT)
                .doesNotContain(StageStatus.ACTIVE.pseudoClass());
        assertThat(node.getEffect()).isNull();
        // the card's own edge in its state's colour, thickened outwards in the same colour, then the halo around
        // it, translucent; all outside the thin edge, so the content stays where it was
        assertThat(node.getBorder().getStrokes()).hasSize(3);
        Color edge = (Color) node.getBorder().getStrokes().get(0).getTopStroke();
        assertThat(node.getBorder().getStrokes().get(1).getTopStroke()).isEqualTo(edge);
        Color halo = (Color) node.getBorder().getStrokes().get(2).getTopStroke();
        assertThat(halo.getOpacity()).isBetween(0.2, 0.6);
        assertThat(edge).isNotEqualTo(halo);
        assertThat(node.getBorder().getStrokes().get(1).getInsets().getTop()).isNegative();
        assertThat(node.getBorder().getStrokes().get(2).getInsets().getTop())
                .isLessThan(node.getBorder().getStrokes().get(1).getInsets().getTop());
        Insets currentInsets = node.getInsets();

        robot.interact(() -> {
            node.show(card(StageStatus.OK), false);
            node.applyCss();
        });
        assertThat(node.getPseudoClassStates()).contains(StageStatus.OK.pseudoClass()).doesNotContain(StageNode.CURRENT);
        assertThat(node.getBorder().getStrokes()).hasSize(1);
        assertThat(node.getBorder().getStrokes().get(0).getTopStroke()).isEqualTo(edge);
        assertThat(node.getInsets()).isEqualTo(currentInsets);
        assertThat(styleClassChanges).hasValue(0);
    }

    /**
     * Under a class's load the recv and send cards change status and turn current ten times a second. Only their
     * colours change, so after the new look is applied neither the card nor anything in it needs layout but the
     * icon and the result, whose texts changed, each in its SteadyLine (with a style class per status, JavaFX
     * reset every label in the card at each change, and the card and the window around it needed layout).
     */
    @ParameterizedTest
    @EnumSource(Theme.class)
    void aCardChangingStatusOrTurningCurrentNeedsNoLayout(Theme theme, FxRobot robot) {
        robot.interact(() -> {
            org.socketstage.ui.WindowStyles.apply(scene, theme);
            node.show(card(StageStatus.WAITING), false);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        });
        StageStatus[] statuses = {StageStatus.NEXT, StageStatus.ACTIVE, StageStatus.OK, StageStatus.ACTIVE,
                StageStatus.FAILED, StageStatus.ABANDONED, StageStatus.OK};
        for (int i = 0; i < statuses.length * 2; i++) {
            StageStatus status = statuses[i % statuses.length];
            boolean current = i % 3 != 0;
            List<String> needingLayout = new ArrayList<>();
            robot.interact(() -> {
                node.show(card(status), current);
                scene.getRoot().applyCss();
                collectNeedingLayout(scene.getRoot(), needingLayout);
                scene.getRoot().layout();
            });
            assertThat(needingLayout).as("%s, current %s", status, current).isEmpty();
            List<PseudoClass> expected = new ArrayList<>(List.of(status.pseudoClass()));
            if (current) {
                expected.add(StageNode.CURRENT);
            }
            List<PseudoClass> ours = new ArrayList<>(node.getPseudoClassStates());
            ours.removeIf(p -> p != StageNode.CURRENT && Arrays.stream(StageStatus.values()).noneMatch(x -> x.pseudoClass() == p));
            assertThat(ours).as("%s, current %s", status, current).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** The parents needing layout, but not inside a SteadyLine: a text that changes there relays out alone. */
    private static void collectNeedingLayout(Parent parent, List<String> dirty) {
        if (parent.isNeedsLayout()) {
            dirty.add(parent.getClass().getSimpleName() + parent.getStyleClass() + " " + parent.getId());
        }
        if (parent instanceof SteadyLine) {
            return;
        }
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (child instanceof Parent p) {
                collectNeedingLayout(p, dirty);
            }
        }
    }
}
