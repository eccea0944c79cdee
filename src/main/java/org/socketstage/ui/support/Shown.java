package org.socketstage.ui.support;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * Shows a node, visible and taking its room, exactly while a condition holds. Binding {@code visible} to the
 * condition and {@code managed} to {@code visible} does the same, but every re-evaluation of the condition then
 * reaches the node's {@code managed} property, and JavaFX lays out the node's parent again each time, even when
 * nothing changed: a counter's "more than zero" checked at every refresh under a class's load relaid out the
 * history bar and the window's root ten times a second. Here only a real change touches the node.
 */
public final class Shown {

    private Shown() {}

    public static void exactlyWhile(Node node, ObservableValue<Boolean> condition) {
        show(node, Boolean.TRUE.equals(condition.getValue()));
        condition.addListener((o, was, now) -> show(node, Boolean.TRUE.equals(now)));
    }

    private static void show(Node node, boolean on) {
        if (node.isVisible() != on || node.isManaged() != on) {
            node.setVisible(on);
            node.setManaged(on);
        }
    }
}
