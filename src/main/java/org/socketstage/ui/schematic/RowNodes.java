package org.socketstage.ui.schematic;

import javafx.scene.shape.Line;
import org.socketstage.ui.schematic.StageFrame.GroupFigure;
import org.socketstage.ui.schematic.StageFrame.RowFigure;
import org.socketstage.ui.schematic.StageFrame.SideFigure;
import org.socketstage.ui.schematic.StageFrame.Tone;

/** The nodes of one row: the server's connected socket on the left, the client on the right, a wire between. */
final class RowNodes {

    final long id;
    final FigureNode connection;
    final FigureNode client;
    final Line wire = new Line();
    boolean leaving;
    private String wireClass = "";

    RowNodes(long id, SchematicViewModel vm) {
        this.id = id;
        boolean group = id == StageModel.GROUP;
        FigureRef conn = group ? FigureRef.GROUP : new FigureRef(FigureRef.Kind.CONNECTION, id);
        FigureRef cli = group ? FigureRef.GROUP : new FigureRef(FigureRef.Kind.CLIENT, id);
        connection = new FigureNode(group ? "schematic-group-conn" : "schematic-conn-" + id, "schematic-connection", conn, vm);
        client = new FigureNode(group ? "schematic-group" : "schematic-client-" + id, "schematic-client", cli, vm);
        connection.lineLabel().getStyleClass().add("schematic-mono");
        wire.getStyleClass().add("schematic-wire");
        wire.setMouseTransparent(true);
    }

    void show(RowFigure r) {
        client.show(r.client().title(), r.client().line(), r.client().tone());
        SideFigure c = r.connection();
        connection.setVisible(c != null);
        if (c != null) {
            connection.show(c.title(), c.line(), c.tone());
        }
        boolean placeholder = c != null && c.placeholder();
        if (placeholder != connection.getStyleClass().contains("schematic-placeholder")) {
            if (placeholder) {
                connection.getStyleClass().add("schematic-placeholder");
            } else {
                connection.getStyleClass().remove("schematic-placeholder");
            }
        }
        wire(c == null || placeholder ? "schematic-wire-waiting"
                : c.tone() == Tone.FAIL ? "schematic-wire-failed"
                : c.tone() == Tone.DIM ? "schematic-wire-closed" : "schematic-wire-open");
    }

    /** True while the server has a socket of its own for this row (not a placeholder). */
    boolean connected() {
        return connection.isVisible() && !connection.getStyleClass().contains("schematic-placeholder");
    }

    void showGroup(GroupFigure g) {
        client.show(g.title(), g.line(), Tone.PLAIN);
        connection.setVisible(false);
        wire("schematic-wire-waiting");
    }

    private void wire(String styleClass) {
        if (!styleClass.equals(wireClass)) {
            wire.getStyleClass().remove(wireClass);
            wire.getStyleClass().add(styleClass);
            wireClass = styleClass;
        }
    }

    /** Places the row at {@code y}; both figures get the row's height so the rows line up. */
    void layout(double serverX, double serverW, double clientX, double clientW, double y, double h, double inset) {
        connection.resizeRelocate(serverX + inset, y, serverW - 2 * inset, h);
        client.resizeRelocate(clientX + inset, y, clientW - 2 * inset, h);
        double mid = y + h / 2;
        wire.setStartX(serverX + serverW - inset);
        wire.setEndX(clientX + inset);
        wire.setStartY(mid);
        wire.setEndY(mid);
    }

    double centerY() {
        return client.getLayoutY() + client.getHeight() / 2;
    }
}
