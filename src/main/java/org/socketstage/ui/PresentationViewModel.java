package org.socketstage.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How the window looks on a projector: zoom factor, theme, and the presentation layout (the stage and the lane
 * fill the window, other panes wait in the tabs, and text grows with the window's height so the back row can
 * read it).
 */
public final class PresentationViewModel {

    public static final double MIN_ZOOM = 0.7;
    public static final double MAX_ZOOM = 3.0;
    public static final double ZOOM_STEP = 0.1;
    /** Base font size in px at zoom 1; every size in the CSS is in em, so it all scales with this. */
    public static final double BASE_FONT_PX = 13;
    /**
     * In presentation the root font is at least the window height over this: 24 px at 1080 px, and no text on
     * the lane or the stage is smaller than the root font there, so body text is 24 px on a 1920x1080 projector.
     */
    public static final double PRESENT_HEIGHT_PER_EM = 45;

    public enum Theme {
        LIGHT("themes/light.css"),
        DARK("themes/dark.css");

        private final String stylesheet;

        Theme(String stylesheet) {
            this.stylesheet = stylesheet;
        }

        public String stylesheet() {
            return stylesheet;
        }
    }

    private final DoubleProperty zoom = new SimpleDoubleProperty(1.0);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty presenting = new SimpleBooleanProperty();
    private final BooleanProperty reduceMotion = new SimpleBooleanProperty();

    public void zoomIn() {
        setZoom(zoom.get() + ZOOM_STEP);
    }

    public void zoomOut() {
        setZoom(zoom.get() - ZOOM_STEP);
    }

    public void resetZoom() {
        setZoom(1.0);
    }

    public void setZoom(double value) {
        double clamped = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value));
        zoom.set(Math.round(clamped * 10) / 10.0);
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT);
    }

    public void togglePresenting() {
        presenting.set(!presenting.get());
    }

    /** The presentation layout: stage and lane fill the window, text sized for a room. */
    public BooleanProperty presentingProperty() {
        return presenting;
    }

    /** End states only: the stage draws where things ended, nothing moves (remembered for the next launch). */
    public BooleanProperty reduceMotionProperty() {
        return reduceMotion;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The root style that sets the font size all em-based sizes follow. */
    public String rootStyle() {
        return rootStyle(0);
    }

    /** The same for a window this many pixels tall: in presentation, text grows with the window (and the zoom). */
    public String rootStyle(double windowHeight) {
        return String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", fontPx(windowHeight));
    }

    public double fontPx(double windowHeight) {
        double px = BASE_FONT_PX * zoom.get();
        if (presenting.get()) {
            px = Math.max(px, windowHeight / PRESENT_HEIGHT_PER_EM * zoom.get());
        }
        return px;
    }
}
