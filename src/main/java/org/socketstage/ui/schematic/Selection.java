package org.socketstage.ui.schematic;

import javafx.scene.Node;

/** Marks the figure the student clicked, so its details card and the drawing point at the same thing. */
final class Selection {

    private final FigureNode listener;
    private final QueueNodes queue;
    private final ClientRows rows;
    private final EnvelopeLayer envelopes;
    private Node marked;

    Selection(FigureNode listener, QueueNodes queue, ClientRows rows, EnvelopeLayer envelopes) {
        this.listener = listener;
        this.queue = queue;
        this.rows = rows;
        this.envelopes = envelopes;
    }

    void mark(FigureRef ref) {
        if (marked != null) {
            marked.getStyleClass().remove("schematic-selected");
            marked = null;
        }
        Node n = ref == null ? null : nodeFor(ref);
        if (n != null) {
            n.getStyleClass().add("schematic-selected");
            marked = n;
        }
    }

    private Node nodeFor(FigureRef ref) {
        return switch (ref.kind()) {
            case LISTENER -> listener;
            case SLOT -> queue.slot((int) ref.id());
            case CONNECTION -> rows.connection(ref.id());
            case CLIENT -> rows.client(ref.id());
            case ENVELOPE -> envelopes.node(ref.id());
            case GROUP -> rows.group().client;
        };
    }
}
