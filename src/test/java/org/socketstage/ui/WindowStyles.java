package org.socketstage.ui;

import javafx.scene.Scene;

/**
 * The main window's stylesheets for a test that shows one pane in a scene of its own: the panes' stylesheets refer
 * to the theme's colours ({@code -ss-next}, {@code -ss-muted} and the like), which only the theme defines. Without
 * them JavaFX warns for every styled node and the pane is drawn unlike the app.
 */
public final class WindowStyles {

    private WindowStyles() {}

    /** Gives {@code scene} the base stylesheet and the light theme, as the window has them by default. */
    public static Scene apply(Scene scene) {
        return apply(scene, PresentationViewModel.Theme.LIGHT);
    }

    /** Gives {@code scene} the base stylesheet and {@code theme}'s, in place of any it had. */
    public static Scene apply(Scene scene, PresentationViewModel.Theme theme) {
        scene.getStylesheets().setAll(Resources.stylesheet(MainWindow.BASE_CSS), Resources.stylesheet(theme.stylesheet()));
        return scene;
    }
}
