package org.socketstage.ui.schematic;

import javafx.css.PseudoClass;
import javafx.scene.shape.Line;
import org.socketstage.ui.schematic.StageFrame.GroupFigure;
import org.socketstage.ui.schematic.StageFrame.RowFigure;
import org.socketstage.ui.schematic.StageFrame.SideFigure;
import org.socketstage.ui.schematic.StageFrame.Tone;
import org.socketstage.ui.support.StateLook;

/** The nodes of one row: the server's connected socket on the left, the client on the right, a wire between. */
final class RowNodes {

    final long id;
    final FigureNode connection;
    final FigureNode client;
    final Line wire = new Line();
    boolean leaving;
    /** The connection figure standing for one the server has not accepted yet ({@code .schematic-connection:placeholder}). */
    static final PseudoClass PLACEHOLDER = PseudoClass.getPseudoClass("placeholder");
    /** The wire's look: waiting or closed (dashed), failed, open ({@code .schematic-wire:open}). */
    static final PseudoClass WIRE_WAITING = PseudoClass.getPseudoClass("waiting");
    static final PseudoClass WIRE_CLOSED = PseudoClass.getPseudoClass("closed");
    static final PseudoClass WIRE_FAILED = PseudoClass.getPseudoClass("failed");
    static final PseudoClass WIRE_OPEN = PseudoClass.getPseudoClass("open");
    private PseudoClass wireLook;

    RowNodes(long id, SchematicViewModel vm) {
        this.id = id;
        boolean group = id == StageModel.GROUP;
        FigureRef conn = group ? FigureRef.GROUP : new FigureRef(FigureRef.Kind.CONNECTION, id);
        FigureRef cli = group ? FigureRef.GROUP : new FigureRef(FigureRef.Kind.CLIENT, id);
        // no id per connection: each would be a new entry in JavaFX's style cache (see FigureNode)
        connection = new FigureNode(group ? "schematic-group-conn" : null, "schematic-connection", conn, vm);
        client = new FigureNode(group ? "schematic-group" : null, "schematic-client", cli, vm);
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
        StateLook.set(connection, PLACEHOLDER, placeholder);
        wire(c == null || placeholder ? WIRE_WAITING
                : c.tone() == Tone.FAIL ? WIRE_FAILED
                : c.tone() == Tone.DIM ? WIRE_CLOSED : WIRE_OPEN);
    }

    /** True while the server has a socket of its own for this row (not a placeholder). */
    boolean connected() {
        return connection.isVisible() && !connection.getPseudoClassStates().contains(PLACEHOLDER);
    }

    void showGroup(GroupFigure g) {
        client.show(g.title(), g.line(), Tone.PLAIN);
        connection.setVisible(false);
        wire(WIRE_WAITING);
    }

    private void wire(PseudoClass look) {
        StateLook.swap(wire, wireLook, look);
        wireLook = look;
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
