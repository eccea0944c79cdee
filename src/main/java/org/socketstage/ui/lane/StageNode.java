package org.socketstage.ui.lane;

import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.socketstage.event.Step;
import org.socketstage.ui.support.StateLook;
import org.socketstage.ui.support.SteadyLine;
import org.socketstage.ui.text.UiText;

/**
 * One stage of the lane drawn as a card: icon and name, the real result, a short note, and a breakpoint
 * toggle. Status is shown by icon and words as well as colour.
 */
final class StageNode extends VBox {

    private final UiText texts;
    private final Label title = new Label();
    private final Label icon = new Label();
    private final Label result = new Label();
    private final Label note = new Label();
    private final Label simulated = new Label();
    private final ToggleButton breakpoint = new ToggleButton();
    private final Tooltip tooltip = new Tooltip();
    private final FadeTransition pulse;
    /** An even number, so the blinking ends where it began: fully lit. */
    static final int PULSE_CYCLES = 6;
    /** The card of the latest call ({@code .stage-card:current}). */
    static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private StageStatus shownStatus;
    private boolean wasMoving;
    private final Step stage;

    StageNode(Step stage, UiText texts) {
        this.texts = texts;
        this.stage = stage;
        getStyleClass().add("stage-card");
        setId("stage-" + stage.name());
        title.getStyleClass().add("stage-title");
        result.getStyleClass().add("stage-result");
        result.setId("stage-result-" + stage.name());
        result.setWrapText(true);
        note.getStyleClass().add("stage-note");
        note.setWrapText(true);
        simulated.getStyleClass().add("stage-simulated");
        simulated.setText(texts.get("common.simulated"));
        simulated.setVisible(false);
        simulated.managedProperty().bind(simulated.visibleProperty());
        breakpoint.getStyleClass().add("breakpoint-toggle");
        breakpoint.setId("breakpoint-" + stage.name());
        // reachable with Tab, so Space (or F9 anywhere) sets a breakpoint without the mouse
        breakpoint.setFocusTraversable(true);
        breakpoint.setText(texts.get("lane.breakpoint"));
        breakpoint.setTooltip(new Tooltip(texts.format("lane.breakpoint.tooltip", stage.label())));
        breakpoint.setAccessibleText(texts.format("lane.breakpoint.tooltip", stage.label()));
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        HBox footer = new HBox(breakpoint);
        footer.setAlignment(Pos.BOTTOM_RIGHT);
        icon.getStyleClass().addAll("stage-icon", "stage-result");
        // the result, its icon and the note change at every refresh under load (the recv and send cards): each
        // relays out alone instead of the card, the lane's row and the window around it (see SteadyLine)
        HBox resultLine = new HBox(new SteadyLine(icon), new SteadyLine(result));
        resultLine.getStyleClass().add("stage-result-line");
        resultLine.setSpacing(3);
        getChildren().addAll(title, resultLine, simulated, new SteadyLine(note), grow, footer);
        Tooltip.install(this, tooltip);
        pulse = new FadeTransition(Duration.millis(600), icon);
        pulse.setFromValue(1.0);
        pulse.setToValue(0.35);
        pulse.setAutoReverse(true);
        // a few blinks draw the eye to the step; an endless one would redraw the window 60 times a second
        // for as long as the server waits (in accept(), for hours), so it ends and the icon stays lit
        pulse.setCycleCount(PULSE_CYCLES);
        pulse.setOnFinished(e -> icon.setOpacity(1.0));
    }

    Step stage() {
        return stage;
    }

    String simulatedWord() {
        return simulated.getText();
    }

    ToggleButton breakpointToggle() {
        return breakpoint;
    }

    void show(StageCard card, boolean current) {
        // under a class's load the recv and send cards change status and turn current ten times a second: only
        // their colours change (StateLook), and the current card's edge grows outwards, so nothing needs layout
        StateLook.swap(this, shownStatus == null ? null : shownStatus.pseudoClass(), card.status().pseudoClass());
        shownStatus = card.status();
        StateLook.set(this, CURRENT, current);
        title.setText(card.stage().label());
        icon.setText(card.status().icon());
        result.setText(card.result().isEmpty() ? texts.get("lane.status.word." + card.status().name()) : card.result());
        note.setText(card.note());
        simulated.setVisible(card.simulated());
        tooltip.setText(card.call().isEmpty() ? card.stage().label() : card.actor() + ": " + card.call()
                + (card.explanation().isEmpty() ? "" : "\n" + card.explanation()));
        boolean moving = card.status() == StageStatus.ACTIVE || card.status() == StageStatus.NEXT;
        if (moving && !wasMoving) {
            pulse.playFromStart();
        } else if (!moving && pulse.getStatus() == Animation.Status.RUNNING) {
            pulse.stop();
            icon.setOpacity(1.0);
        }
        wasMoving = moving;
    }
}
