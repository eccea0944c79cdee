package org.socketstage.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/** How the window looks on a projector: zoom factor and theme. */
public final class PresentationViewModel {

    public static final double MIN_ZOOM = 0.7;
    public static final double MAX_ZOOM = 3.0;
    public static final double ZOOM_STEP = 0.1;
    /** Base font size in px at zoom 1; every size in the CSS is in em, so it all scales with this. */
    public static final double BASE_FONT_PX = 13;

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

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The root style that sets the font size all em-based sizes follow. */
    public String rootStyle() {
        return String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * zoom.get());
    }
}
