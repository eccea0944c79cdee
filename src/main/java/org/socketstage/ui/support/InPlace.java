package org.socketstage.ui.support;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/** Wraps a node where it stands: the wrapper takes its place among its parent's children and its layout constraints. */
final class InPlace {

    private InPlace() {}

    static <N extends Node, W extends Node> W wrap(N node, Function<N, W> wrapper) {
        Pane parent = (Pane) node.getParent();
        int at = parent.getChildren().indexOf(node);
        // the node's layout constraints (HBox.hgrow, VBox.margin, StackPane.alignment...) belong to its place now
        Map<Object, Object> constraints = new HashMap<>();
        node.getProperties().forEach((k, v) -> {
            if (k instanceof String key && key.matches("[a-z]+-(hgrow|vgrow|margin|alignment)")) {
                constraints.put(k, v);
            }
        });
        // out first: the wrapper adopts the node, which would shift the siblings after it under a saved index
        parent.getChildren().remove(at);
        W w = wrapper.apply(node);
        w.getProperties().putAll(constraints);
        parent.getChildren().add(at, w);
        return w;
    }
}
