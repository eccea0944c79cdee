package org.socketstage.ui.support;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.geometry.Orientation;

/**
 * One line of text that changes often (a connection's byte counters) without making the window lay itself out
 * again each time. The label sits in this region unmanaged, so when its text changes JavaFX lays out that label
 * alone; a managed label would make every pane around it measure itself again (its card, the cards' flow, the
 * scroll pane and the split pane around them), ten times a second under a class's load. The region takes the
 * label's size when it is laid out, and asks for a new layout only when a new text no longer fits: wider than
 * the line (a label that does not wrap) or of another preferred height at its width than at the last layout
 * (one that wraps).
 */
public final class SteadyLine extends Region {

    private final Label label;
    /** The wrapping label's preferred height for the width it had at the last layout. */
    private double laidOutHeight = -1;

    public SteadyLine(Label label) {
        this.label = label;
        label.setManaged(false);
        getChildren().add(label);
        label.textProperty().addListener((o, was, now) -> {
            if (getWidth() <= 0) {
                return; // not laid out yet: the first layout measures it
            }
            label.requestLayout(); // clears its cached sizes now: the label's own skin hears of the text after us
            double inner = getWidth() - snappedLeftInset() - snappedRightInset();
            // a wrapping label: the same height for the width as at the last layout (the parent may have given
            // the line more room than that, e.g. a StackPane or an HBox stretching it, so not its current height)
            boolean fits = label.isWrapText()
                    ? label.prefHeight(inner) == laidOutHeight
                    : label.prefWidth(-1) <= inner;
            if (!fits) {
                requestLayout();
            }
        });
    }

    /**
     * Puts a steady line in the label's place among its parent's children, the label inside it, with the layout
     * constraints the label had there (e.g. HBox.hgrow). Returns the line.
     */
    public static SteadyLine inPlaceOf(Label label) {
        return InPlace.wrap(label, SteadyLine::new);
    }

    public Label label() {
        return label;
    }

    @Override
    public Orientation getContentBias() {
        return label.getContentBias(); // horizontal when the label wraps: its height depends on the width given
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + label.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + label.minWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
        return snappedTopInset() + label.prefHeight(inner) + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    /** As far as the label would stretch (by default its preferred size, as a Label does), so it sits the same. */
    @Override
    protected double computeMaxWidth(double height) {
        return snappedLeftInset() + label.maxWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMaxHeight(double width) {
        double inner = width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
        return snappedTopInset() + label.maxHeight(inner) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double inner = getWidth() - snappedLeftInset() - snappedRightInset();
        label.resizeRelocate(snappedLeftInset(), snappedTopInset(),
                inner, getHeight() - snappedTopInset() - snappedBottomInset());
        laidOutHeight = label.isWrapText() ? label.prefHeight(inner) : -1;
    }
}
