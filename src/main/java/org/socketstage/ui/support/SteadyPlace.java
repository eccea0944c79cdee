package org.socketstage.ui.support;

import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.layout.Region;

/**
 * A place in a pane for a control that asks for layout often without changing size: the history slider, whose
 * thumb moves at every refresh under a class's load. Moving the thumb makes the slider ask its parent for a
 * layout, and so the bar, the window's root and every pane on the way measured themselves again, ten times a
 * second. Here the control sits unmanaged, so JavaFX lays out the control alone; the place asks for a layout of
 * the panes around it only when the control's preferred size has changed since it was last laid out (a zoom, a
 * theme, a longer text; checked after the pulse's layout pass, so such a change shows one frame later).
 */
public final class SteadyPlace extends Region {

    private final Region content;
    private double laidOutPrefWidth = -1;
    private double laidOutPrefHeight = -1;
    private boolean askAfterLayout;
    private final Runnable afterLayout = () -> {
        if (askAfterLayout && laidOutPrefWidth >= 0 && !isNeedsLayout()) {
            askAfterLayout = false;
            if (resized()) {
                requestLayout();
            }
        }
    };

    public SteadyPlace(Region content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        // whether its size changed is asked after the pulse's layout pass, when the control has been laid out
        // alone: a request for layout made during that pass (from a listener) would be dropped by the panes that
        // are laying out, and a change found then is laid out at the next pulse, one frame later
        content.needsLayoutProperty().addListener((o, was, needs) -> {
            if (needs) {
                askAfterLayout = true;
            }
        });
        if (getScene() != null) {
            getScene().addPostLayoutPulseListener(afterLayout);
        }
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
    }

    /**
     * Puts a steady place in the control's place among its parent's children, the control inside it, with the
     * layout constraints the control had there (e.g. HBox.hgrow). Returns the place.
     */
    public static SteadyPlace inPlaceOf(Region content) {
        return InPlace.wrap(content, SteadyPlace::new);
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
