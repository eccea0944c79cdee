package org.socketstage.ui.schematic;

import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.socketstage.ui.schematic.StageFrame.EnvelopeFigure;
import org.socketstage.ui.schematic.StageFrame.SlotFigure;

/** Where a packet leaves, arrives and rests, read from where the stage has just placed its figures. */
final class PacketAnchors implements EnvelopeLayer.Anchors {

    private final FigureNode listener;
    private final QueueNodes queue;
    private final ClientRows rows;
    private final StageColumns columns;
    private final Supplier<StageFrame> frame;
    private final Function<Node, Point2D> centreOf;

    PacketAnchors(FigureNode listener, QueueNodes queue, ClientRows rows, StageColumns columns,
            Supplier<StageFrame> frame, Function<Node, Point2D> centreOf) {
        this.listener = listener;
        this.queue = queue;
        this.rows = rows;
        this.columns = columns;
        this.frame = frame;
        this.centreOf = centreOf;
    }

    @Override
    public Point2D client(long rowId) {
        RowNodes row = rows.row(rowId);
        if (row == null || !row.client.isVisible() || row.client.getHeight() <= 0) {
            return null;
        }
        return new Point2D(row.client.getLayoutX(), row.centerY());
    }

    @Override
    public Point2D server(EnvelopeFigure e) {
        switch (e.serverEnd()) {
            case LISTENER -> {
                return new Point2D(listener.getLayoutX() + listener.getWidth(),
                        listener.getLayoutY() + listener.getHeight() / 2);
            }
            case QUEUE -> {
                Label slot = queue.slot(slotOf(e.peerId()));
                if (slot != null) {
                    return centreOf.apply(slot);
                }
                return new Point2D(queue.box.getLayoutX() + queue.box.getWidth(),
                        queue.box.getLayoutY() + queue.box.getHeight() / 2);
            }
            default -> {
                RowNodes row = rows.row(e.rowId());
                if (row == null) {
                    return null;
                }
                return new Point2D(columns.serverX + columns.serverW - columns.inset, row.centerY());
            }
        }
    }

    /** The drawn slot's centre, or null when the slot is not drawn. */
    Point2D slotCentre(int index) {
        Label slot = queue.slot(index);
        return slot == null ? null : centreOf.apply(slot);
    }

    private int slotOf(long peerId) {
        StageFrame f = frame.get();
        if (f == null || peerId == 0) {
            return -1;
        }
        for (SlotFigure s : f.queue().slots()) {
            if (s.peerId() == peerId) {
                return s.index();
            }
        }
        return -1;
    }

    @Override
    public Point2D rest(long rowId) {
        RowNodes row = rows.row(rowId);
        if (row == null || row.client.getHeight() <= 0) {
            return null;
        }
        return new Point2D((columns.serverX + columns.serverW + columns.clientX) / 2, row.centerY());
    }

    @Override
    public double fall() {
        return 2 * columns.em;
    }
}
