package org.socketstage.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.socketstage.ui.controls.ServerControlViewModel;

/**
 * The keys without a modifier, which a menu accelerator cannot carry: Space = step, R = run, P = pause,
 * L = live, and the other spellings of the zoom keys (Ctrl = and the keypad's + − 0). A focused control gets
 * its key first: Space presses a focused button or ticks a focused check box, and letters and Space type into a
 * text field. Every other key (Stop on Shift+F5, breakpoints on F9, full screen on F11 …) is an accelerator of
 * the menu bar. Esc is never a server key: it only leaves full screen (the stage's own key) or closes a dialog.
 */
final class KeyboardShortcuts {

    private KeyboardShortcuts() {}

    static void install(Scene scene, ServerControlViewModel control, PresentationViewModel presentation) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
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
            if (e.isAltDown() || e.isShiftDown()) {
                return;
            }
            Node focus = scene.getFocusOwner();
            if (focus instanceof TextInputControl) {
                return;
            }
            if (code == KeyCode.SPACE && !takesSpace(focus)) {
                control.step();
                e.consume();
            } else if (code == KeyCode.R) {
                control.run();
                e.consume();
            } else if (code == KeyCode.P) {
                control.pause();
                e.consume();
            } else if (code == KeyCode.L) {
                control.live();
                e.consume();
            }
        });
    }

    /** Controls that do something with Space themselves, as every JavaFX user expects. */
    static boolean takesSpace(Node focus) {
        return focus instanceof ButtonBase || focus instanceof ComboBoxBase<?> || focus instanceof ChoiceBox<?>
                || focus instanceof TextInputControl;
    }
}
