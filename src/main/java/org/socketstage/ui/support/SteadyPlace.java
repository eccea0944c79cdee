package org.socketstage.ui.support;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A place in a pane for a control that asks for layout often without changing size: the history slider, whose
 * thumb moves at every refresh under a class's load, and the lane's cards, restyled as the current step moves
 * between recv and send. Moving the thumb makes the slider ask its parent for a
 * layout, and so the bar, the window's root and every pane on the way measured themselves again, ten times a
 * second. Here the control sits unmanaged, so JavaFX lays out the control alone; the place asks for a layout of
 * the panes around it only when the control's preferred size has changed since it was last laid out (a zoom, a
 * theme, a longer text).
 */
public final class SteadyPlace extends Region {

    private final Region content;
    private double laidOutPrefWidth = -1;
    private double laidOutPrefHeight = -1;

    public SteadyPlace(Region content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        // asked when the control first asks for layout, and again once it has been laid out alone: a change that
        // came later in the same pulse (its style applied after a new text) is caught then, one frame later
        content.needsLayoutProperty().addListener((o, was, needs) -> {
            if (laidOutPrefWidth >= 0 && !isNeedsLayout() && resized()) {
                requestLayout();
            }
        });
    }

    /**
     * Puts a steady place in the control's place among its parent's children, the control inside it, with the
     * layout constraints the control had there (e.g. HBox.hgrow). Returns the place.
     */
    public static SteadyPlace inPlaceOf(Region content) {
        Pane parent = (Pane) content.getParent();
        int at = parent.getChildren().indexOf(content);
        Map<Object, Object> constraints = new HashMap<>();
        content.getProperties().forEach((k, v) -> {
            if (k instanceof String key && key.matches("[a-z]+-(hgrow|vgrow|margin|alignment)")) {
                constraints.put(k, v);
            }
        });
        parent.getChildren().remove(at);
        SteadyPlace place = new SteadyPlace(content);
        place.getProperties().putAll(constraints);
        parent.getChildren().add(at, place);
        return place;
    }

    private boolean resized() {
        return content.prefWidth(-1) != laidOutPrefWidth || content.prefHeight(innerWidth()) != laidOutPrefHeight;
    }

    private double innerWidth() {
        return Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset());
    }

    public Parent content() {
        return content;
    }

    @Override
    public Orientation getContentBias() {
        return content.getContentBias();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + content.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + content.prefHeight(inner(width)) + snappedBottomInset();
    }

    private double inner(double width) {
        return width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + content.minWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return snappedTopInset() + content.minHeight(inner(width)) + snappedBottomInset();
    }

    @Override
    protected double computeMaxWidth(double height) {
        return snappedLeftInset() + content.maxWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMaxHeight(double width) {
        return snappedTopInset() + content.maxHeight(inner(width)) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(snappedLeftInset(), snappedTopInset(),
                getWidth() - snappedLeftInset() - snappedRightInset(), getHeight() - snappedTopInset() - snappedBottomInset());
        laidOutPrefWidth = content.prefWidth(-1);
        laidOutPrefHeight = content.prefHeight(innerWidth());
    }
}
