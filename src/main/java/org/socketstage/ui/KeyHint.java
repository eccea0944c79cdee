package org.socketstage.ui;

import java.util.Objects;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * A key a menu item names but never fires through the menu: Space, R, P and L have no modifier, so they must
 * reach a focused button or a text field first, which only {@link KeyboardShortcuts} can decide. The menu shows
 * the key where an accelerator would be; the key itself is handled there.
 */
final class KeyHint extends KeyCombination {

    private final String shown;

    private KeyHint(String shown) {
        this.shown = shown;
    }

    static KeyHint of(String shown) {
        return new KeyHint(shown);
    }

    @Override
    public boolean match(KeyEvent event) {
        return false;
    }

    @Override
    public String getDisplayText() {
        return shown;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyHint k && k.shown.equals(shown);
    }

    @Override
    public int hashCode() {
        return Objects.hash(KeyHint.class, shown);
    }

    @Override
    public String toString() {
        return shown;
    }
}
