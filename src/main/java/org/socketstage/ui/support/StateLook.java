package org.socketstage.ui.support;

import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * Shows a node's state (a card's status, a figure's tone, a slot being filled) by a pseudo-class, changed only
 * when the state changes. A style class would do it too, but changing one gives the node a new set of matching
 * rules, and JavaFX then resets every styled property of the node and of everything inside it before styling
 * them again: every label inside needs layout, and so do the node's parents up to the window's root. A
 * pseudo-class change sets only the values that differ.
 */
public final class StateLook {

    private StateLook() {}

    /** Turns {@code was} off and {@code is} on (either may be null: no state). */
    public static void swap(Node node, PseudoClass was, PseudoClass is) {
        if (was == is) {
            return;
        }
        if (was != null) {
            node.pseudoClassStateChanged(was, false);
        }
        if (is != null) {
            node.pseudoClassStateChanged(is, true);
        }
    }

    /** Turns a yes/no state on or off, touching the node only when it changes. */
    public static void set(Node node, PseudoClass state, boolean on) {
        if (node.getPseudoClassStates().contains(state) != on) {
            node.pseudoClassStateChanged(state, on);
        }
    }
}
