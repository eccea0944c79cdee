package org.socketstage.ui.schematic;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.socketstage.ui.schematic.StageFrame.QueueFigure;
import org.socketstage.ui.schematic.StageFrame.SlotFigure;
import org.socketstage.ui.support.StateLook;

/**
 * The accept queue on the stage: its title, its slots (as many as fit; the last then says how many more there
 * are) and the note drawn beside it. Nodes are kept and only their text and style change.
 */
final class QueueNodes {

    /** A slot holding a connection ({@code .schematic-slot:filled}). */
    static final PseudoClass FILLED = PseudoClass.getPseudoClass("filled");

    final VBox box = new VBox();
    final Label note = new Label();
    private final Label title = new Label();
    private final Label limit = new Label();
    private final FlowPane slotPane = new FlowPane();
    private final List<Label> slots = new ArrayList<>();
    private final SchematicViewModel vm;

    QueueNodes(SchematicViewModel vm) {
        this.vm = vm;
        box.setId("schematic-queue");
        box.getStyleClass().add("schematic-queue");
        title.getStyleClass().add("schematic-queue-title");
        title.setWrapText(false);
        limit.getStyleClass().add("schematic-queue-limit");
        limit.setId("schematic-queue-limit");
        note.getStyleClass().add("schematic-queue-note");
        note.setWrapText(true);
        note.setId("schematic-queue-note");
        note.setMouseTransparent(true);
        slotPane.getStyleClass().add("schematic-slots");
        box.getChildren().addAll(title, limit, slotPane);
    }

    /** @param capacity how many slots fit; past it the last slot stands for the rest */
    void show(QueueFigure q, QueueFigure before, int capacity, long motion) {
        if (!q.title().equals(title.getText())) {
            title.setText(q.title());
        }
        if (!q.limit().equals(limit.getText())) {
            limit.setText(q.limit());
        }
        if (!q.note().equals(note.getText())) {
            note.setText(q.note());
        }
        note.setVisible(!q.note().isEmpty());
        note.setManaged(!q.note().isEmpty());
        FigureNode.tone(note, before == null ? null : before.noteTone(), q.noteTone());
        int drawn = Math.min(q.slots().size(), capacity);
        while (slots.size() > drawn) {
            slotPane.getChildren().remove(slots.remove(slots.size() - 1));
        }
        while (slots.size() < drawn) {
            slots.add(newSlot(slots.size()));
        }
        for (int i = 0; i < drawn; i++) {
            SlotFigure s = q.slots().get(i);
            boolean last = i == drawn - 1 && drawn < q.slots().size();
            Label slot = slots.get(i);
            String label = last ? "+" + (q.slots().size() - drawn + 1) : s.label();
            if (!label.equals(slot.getText())) {
                slot.setText(label);
            }
            boolean wasFilled = slot.getPseudoClassStates().contains(FILLED);
            long wasPeer = before != null && i < before.slots().size() ? before.slots().get(i).peerId() : -1;
            StateLook.set(slot, FILLED, s.filled());
            if (s.filled() && (!wasFilled || wasPeer != s.peerId())) {
                Motion.pop(slot, motion);
            }
        }
        if (q.open() && (before == null || !before.open())) {
            Motion.unfold(slotPane, motion);
        }
    }

    private Label newSlot(int index) {
        Label slot = new Label();
        slot.setId("schematic-slot-" + index);
        slot.getStyleClass().add("schematic-slot");
        FigureRef ref = new FigureRef(FigureRef.Kind.SLOT, index);
        slot.setUserData(ref);
        slot.setOnMouseClicked(e -> {
            vm.select(ref);
            e.consume();
        });
        slotPane.getChildren().add(slot);
        return slot;
    }

    /** A compact stage leaves out the limit's line (the sockets pane and the queue's details still say it). */
    void compact(boolean on) {
        limit.setVisible(!on);
        limit.setManaged(!on);
    }

    /** The drawn slot with this index, or null. */
    Label slot(int index) {
        return index >= 0 && index < slots.size() ? slots.get(index) : null;
    }
}
