package org.socketstage.ui.schematic;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import org.socketstage.ui.schematic.StageFrame.RowFigure;

/**
 * The stage's rows, one per drawn client: its connected socket in the server's column, the client in the
 * clients' column, a wire between; and the "+N more clients" row for the rest. Rows are kept while their
 * client is drawn; a new one fades in, a gone one fades out, a connection accept() made is lifted out of its
 * queue slot.
 */
final class ClientRows {

    /** Holds every row's figures and wires, in the stage's own coordinates (it lies at 0,0, stage-sized). */
    final Pane layer = new Pane();
    private final Pane wires = new Pane();
    private final Map<Long, RowNodes> rows = new LinkedHashMap<>();
    private final RowNodes group;
    private final Map<Long, Integer> pendingLifts = new HashMap<>();
    private final SchematicViewModel vm;

    ClientRows(SchematicViewModel vm) {
        this.vm = vm;
        layer.setPickOnBounds(false);
        layer.setManaged(false);
        wires.setMouseTransparent(true);
        wires.setManaged(false);
        group = new RowNodes(StageModel.GROUP, vm);
        group.connection.setVisible(false);
        layer.getChildren().addAll(wires, group.connection, group.client);
        wires.getChildren().add(group.wire);
        layer.getChildren().forEach(n -> n.setManaged(false));
    }

    void show(StageFrame f, long motion) {
        Set<Long> ids = new HashSet<>();
        for (RowFigure r : f.rows()) {
            ids.add(r.id());
            RowNodes row = rows.get(r.id());
            boolean hadConnection = row != null && row.connected();
            if (row == null || row.leaving) {
                if (row != null) {
                    drop(row);
                }
                row = add(r.id());
                Motion.appear(row.client, motion);
            }
            row.show(r);
            if (r.connection() != null && !r.connection().placeholder() && !hadConnection) {
                if (r.liftedFromSlot() >= 0 && motion > 0) {
                    pendingLifts.put(r.id(), r.liftedFromSlot());
                } else {
                    Motion.appear(row.connection, motion);
                }
            } else if (r.connection() != null && r.connection().placeholder() && !row.connection.isVisible()) {
                Motion.appear(row.connection, motion);
            }
        }
        for (RowNodes row : List.copyOf(rows.values())) {
            if (!ids.contains(row.id) && !row.leaving) {
                row.leaving = true;
                Motion.vanish(row.client, motion, () -> drop(row));
                Motion.vanish(row.connection, motion, () -> { });
            }
        }
        boolean grouped = f.group() != null;
        group.client.setVisible(grouped);
        group.wire.setVisible(grouped);
        if (grouped) {
            group.showGroup(f.group());
        }
    }

    private RowNodes add(long id) {
        RowNodes row = new RowNodes(id, vm);
        rows.put(id, row);
        row.connection.setManaged(false);
        row.client.setManaged(false);
        layer.getChildren().addAll(row.connection, row.client);
        wires.getChildren().add(row.wire);
        return row;
    }

    private void drop(RowNodes row) {
        if (rows.get(row.id) == row) {
            rows.remove(row.id);
        }
        layer.getChildren().removeAll(row.connection, row.client);
        wires.getChildren().remove(row.wire);
    }

    /** Places the rows from {@code top} down, each {@code rowH} tall, the group row last. */
    void layout(StageColumns c, double top, double rowH, double gap, double w, double h) {
        layer.resize(w, h);
        wires.resize(w, h);
        int i = 0;
        for (RowNodes row : rows.values()) {
            if (!row.leaving) {
                row.layout(c.serverX, c.serverW, c.clientX, c.clientW, top + i * (rowH + gap), rowH, c.inset);
                i++;
            }
        }
        group.layout(c.serverX, c.serverW, c.clientX, c.clientW, top + i * (rowH + gap), rowH, c.inset);
    }

    /** Starts the lifts of connections accept() just made, from their slot's centre ({@code slotCentre}). */
    void startLifts(Function<Integer, Point2D> slotCentre, long nanos) {
        for (Map.Entry<Long, Integer> lift : pendingLifts.entrySet()) {
            RowNodes row = rows.get(lift.getKey());
            Point2D from = slotCentre.apply(lift.getValue());
            if (row == null || from == null) {
                continue;
            }
            Point2D to = new Point2D(row.connection.getLayoutX() + row.connection.getWidth() / 2,
                    row.connection.getLayoutY() + row.connection.getHeight() / 2);
            Motion.moveFrom(row.connection, from.getX() - to.getX(), from.getY() - to.getY(), nanos);
        }
        pendingLifts.clear();
    }

    /** The row drawn for this id (the group row for {@link StageModel#GROUP}), or null. */
    RowNodes row(long id) {
        return id == StageModel.GROUP ? group : rows.get(id);
    }

    /** The "+N more clients" row, used to measure a row's text lines. */
    RowNodes group() {
        return group;
    }

    Node connection(long id) {
        RowNodes row = rows.get(id);
        return row == null ? null : row.connection;
    }

    Node client(long id) {
        RowNodes row = rows.get(id);
        return row == null ? null : row.client;
    }
}
