package org.socketstage.ui;

import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.socketstage.ui.controls.ServerControlViewModel;

/**
 * Space = step, R = run, P = pause, Esc = stop, F11 = full screen, Ctrl +/−/0 = zoom. Letter keys and Space
 * are left alone while a text field has the focus, so typing a port or a message still works.
 */
final class KeyboardShortcuts {

    private KeyboardShortcuts() {}

    static void install(Scene scene, Stage stage, ServerControlViewModel control, PresentationViewModel presentation) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            KeyCode code = e.getCode();
            if (e.isShortcutDown()) {
                if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) {
                    presentation.zoomIn();
                    e.consume();
                } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
                    presentation.zoomOut();
                    e.consume();
                } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
                    presentation.resetZoom();
                    e.consume();
                }
                return;
            }
            if (code == KeyCode.F11) {
                stage.setFullScreen(!stage.isFullScreen());
                e.consume();
            } else if (code == KeyCode.ESCAPE && !stage.isFullScreen()) {
                control.stop();
                e.consume();
            } else if (!typing && !e.isAltDown()) {
                if (code == KeyCode.SPACE) {
                    control.step();
                    e.consume();
                } else if (code == KeyCode.R) {
                    control.run();
                    e.consume();
                } else if (code == KeyCode.P) {
                    control.pause();
                    e.consume();
                }
            }
        });
    }
}
