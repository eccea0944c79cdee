package org.socketstage.ui.schematic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.socketstage.ui.schematic.StageFrame.EnvelopeFigure;
import org.socketstage.ui.schematic.StageFrame.QueueFigure;
import org.socketstage.ui.schematic.StageFrame.RowFigure;
import org.socketstage.ui.schematic.StageFrame.SlotFigure;
import org.socketstage.ui.support.OncePerPulse;
import org.socketstage.ui.text.UiText;

/**
 * Draws a {@link StageFrame}: the server process with its listening socket and accept queue on the left, one row
 * per client (its connected socket left, the client right), and the envelopes between them. Node-for-figure:
 * nodes are kept while their figure lives and only their text and tone change. A timer runs only while envelopes
 * fly; when nothing changes nothing moves.
 */
final class StagePane extends Pane implements EnvelopeLayer.Anchors {

    private final SchematicViewModel vm;
    private final Region processBox = new Region();
    private final Region clientsBox = new Region();
    private final Label processCaption;
    private final Label clientsCaption;
    private final Label connectionsCaption;
    private final Label disclaimer;
    private final FigureNode listener;
    private final Label address = new Label();
    private final QueueNodes queue;
    private final Pane wires = new Pane();
    private final Map<Long, RowNodes> rows = new LinkedHashMap<>();
    private final RowNodes group;
    private final EnvelopeLayer envelopes;
    private final Map<Long, Integer> pendingLifts = new HashMap<>();
    private StageFrame frame;
    private Object shape;
    private int rowsThatFit = StageModel.DEFAULT_MAX_ROWS;
    private final OncePerPulse tellRowsThatFit;
    private Node selectedNode;
    private double serverX;
    private double serverW;
    private double clientX;
    private double clientW;
    private double em = 13;
    private boolean flying;
    private final AnimationTimer flights = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // a hidden tab's envelopes need no placing; they only have to land, by the clock
            boolean still = shown() ? envelopes.place(now) : envelopes.inFlight(now);
            if (!still) {
                stopFlights();
                vm.settle();
            }
        }
    };

    StagePane(SchematicViewModel vm, UiText text) {
        this.vm = vm;
        this.tellRowsThatFit = new OncePerPulse(this, () -> vm.setMaxRows(rowsThatFit));
        getStyleClass().add("schematic-stage");
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        processBox.getStyleClass().add("schematic-process");
        clientsBox.getStyleClass().add("schematic-clients-box");
        processCaption = caption(text.get("schematic.process"));
        clientsCaption = caption(text.get("schematic.clients"));
        connectionsCaption = caption(text.get("schematic.connections"));
        listener = new FigureNode("schematic-listener", "schematic-listener", FigureRef.LISTENER, vm);
        address.setId("schematic-listener-address");
        address.getStyleClass().addAll("schematic-address", "schematic-mono");
        address.setMinWidth(Region.USE_PREF_SIZE);
        // bind() attaches the address in front of the state: "127.0.0.1:9090  LISTEN · accept() waits"
        listener.getChildren().remove(listener.lineLabel());
        HBox second = new HBox(address, listener.lineLabel());
        second.getStyleClass().add("schematic-listener-line");
        listener.getChildren().add(second);
        disclaimer = new Label(text.get("schematic.disclaimer"));
        disclaimer.setId("schematic-disclaimer");
        disclaimer.getStyleClass().add("schematic-disclaimer");
        disclaimer.setWrapText(true);
        disclaimer.setMouseTransparent(true);
        queue = new QueueNodes(vm);
        wires.setMouseTransparent(true);
        wires.setManaged(false);
        group = new RowNodes(StageModel.GROUP, vm);
        group.connection.setVisible(false);
        envelopes = new EnvelopeLayer(vm);
        envelopes.anchors(this);
        envelopes.setManaged(false);
        getChildren().addAll(processBox, clientsBox, disclaimer, processCaption, clientsCaption, connectionsCaption, wires,
                listener, queue.box, queue.note,
                group.connection, group.client, envelopes);
        // placed by layoutChildren alone: a figure's text changing lays out that figure, not the whole window
        getChildren().forEach(n -> n.setManaged(false));
        wires.getChildren().add(group.wire);
        setOnMouseClicked(e -> vm.select(null));
        vm.selectedProperty().addListener((o, was, is) -> markSelected(is));
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("schematic-caption");
        return l;
    }

    /** Brings the nodes up to this picture; new and gone figures get their transitions. */
    void show(StageFrame f) {
        StageFrame before = frame;
        frame = f;
        long motion = f.animate() ? f.motionNanos() : 0;
        showListener(f, before, motion);
        showQueue(f.queue(), before == null ? null : before.queue(), motion);
        showRows(f, motion);
        envelopes.show(f.envelopes());
        markSelected(vm.selectedProperty().get());
        long now = System.nanoTime();
        Object newShape = shape(f);
        if (!newShape.equals(shape)) {
            shape = newShape;
            requestLayout();
        } else {
            envelopes.place(now);
        }
        boolean inFlight = f.envelopes().stream().anyMatch(e -> !e.resting() && e.lands() > now);
        if (inFlight && !flying) {
            flying = true;
            flights.start();
        }
    }

    /** What decides where figures go; only when it changes must the stage be laid out again. */
    private Object shape(StageFrame f) {
        return List.of(f.listener().exists(), f.listener().address().isEmpty(), f.queue().open(),
                Math.min(f.queue().slots().size(), slotCapacity()), f.queue().note(),
                f.rows().stream().map(RowFigure::id).toList(), f.group() != null);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 30 * em;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 20 * em;
    }

    private void showListener(StageFrame f, StageFrame before, long motion) {
        StageFrame.ListenerFigure l = f.listener();
        listener.show(l.title(), l.state(), l.tone());
        if (!l.address().equals(address.getText())) {
            address.setText(l.address());
        }
        address.setVisible(!l.address().isEmpty());
        address.setManaged(!l.address().isEmpty());
        boolean appeared = l.exists() && (before == null || !before.listener().exists());
        if (appeared) {
            Motion.appear(listener, motion);
        }
        if (!l.address().isEmpty() && (before == null || before.listener().address().isEmpty())) {
            Motion.slideIn(address, 3 * em, motion);
        }
    }

    private void showQueue(QueueFigure q, QueueFigure before, long motion) {
        queue.box.setVisible(q.open() || frame.listener().exists());
        queue.show(q, before, slotCapacity(), motion);
    }

    /** Two lines of slots at most; past that the last slot says how many more there are. */
    private int slotCapacity() {
        double slotWidth = 3.3 * em;
        int perLine = Math.max(3, (int) ((serverW - 1.6 * em) / slotWidth));
        return 2 * perLine;
    }

    private void showRows(StageFrame f, long motion) {
        Set<Long> ids = new HashSet<>();
        for (RowFigure r : f.rows()) {
            ids.add(r.id());
            RowNodes row = rows.get(r.id());
            boolean hadConnection = row != null && row.connected();
            if (row == null || row.leaving) {
                if (row != null) {
                    dropRow(row);
                }
                row = new RowNodes(r.id(), vm);
                rows.put(r.id(), row);
                row.connection.setManaged(false);
                row.client.setManaged(false);
                getChildren().add(getChildren().indexOf(envelopes), row.connection);
                getChildren().add(getChildren().indexOf(envelopes), row.client);
                wires.getChildren().add(row.wire);
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
                Motion.vanish(row.client, motion, () -> dropRow(row));
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

    private void dropRow(RowNodes row) {
        if (rows.get(row.id) == row) {
            rows.remove(row.id);
        }
        getChildren().removeAll(row.connection, row.client);
        wires.getChildren().remove(row.wire);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        em = Math.max(8, listener.titleLabel().getFont().getSize());
        double pad = 0.6 * em;
        double inset = 0.6 * em;
        serverW = clamp(w * 0.37, 15 * em, 30 * em);
        clientW = clamp(w * 0.35, 14 * em, 28 * em);
        double corridor = 7 * em;
        if (serverW + clientW + corridor + 2 * pad > w) {
            double scale = Math.max(0.3, (w - corridor - 2 * pad) / (serverW + clientW));
            serverW *= scale;
            clientW *= scale;
        }
        serverX = pad;
        clientX = w - pad - clientW;
        processBox.resizeRelocate(serverX, pad, serverW, Math.max(0, h - 2 * pad));
        clientsBox.resizeRelocate(clientX, pad, clientW, Math.max(0, h - 2 * pad));
        double y = pad + 0.3 * em;
        double captionH = processCaption.prefHeight(-1);
        processCaption.resizeRelocate(serverX + inset, y, serverW - 2 * inset, captionH);
        clientsCaption.resizeRelocate(clientX + inset, y, clientW - 2 * inset, captionH);
        double corridorX = serverX + serverW + 0.5 * em;
        double corridorW = Math.max(0, clientX - corridorX - 0.5 * em);
        double disclaimerH = disclaimer.prefHeight(corridorW);
        disclaimer.resizeRelocate(corridorX, h - pad - disclaimerH, corridorW, disclaimerH);
        y += captionH + 0.2 * em;
        double figureW = serverW - 2 * inset;
        double listenerH = listener.prefHeight(figureW);
        listener.resizeRelocate(serverX + inset, y, figureW, listenerH);
        y += listenerH + 0.5 * em;
        double queueH = queue.box.isVisible() ? queue.box.prefHeight(figureW) : 0;
        queue.box.resizeRelocate(serverX + inset, y, figureW, queueH);
        // beside the queue, over the network: a note appearing must not push the rows down
        double noteH = queue.note.prefHeight(corridorW);
        queue.note.resizeRelocate(corridorX, y, corridorW, noteH);
        y += queueH + 0.35 * em;
        // a short stage keeps its rows; the caption comes back when there is room
        boolean roomy = h > 26 * em;
        connectionsCaption.setVisible(roomy);
        if (roomy) {
            connectionsCaption.resizeRelocate(serverX + inset, y, figureW, captionH);
            y += captionH + 0.25 * em;
        }
        // from the font alone, never from the rows' text: the number of rows that fit must not depend on them
        double rowH = 2 * listener.titleLabel().prefHeight(-1) + 0.8 * em;
        double gap = 0.45 * em;
        // the rows end above the schematic's disclaimer, which stays readable under the network
        double rowsBottom = h - pad - disclaimerH - 0.3 * em;
        int fit = Math.max(2, (int) ((rowsBottom - y + gap) / (rowH + gap)));
        if (fit != vm.maxRows()) {
            rowsThatFit = fit;
            tellRowsThatFit.request(); // before the next pulse's layout, not in the middle of this one
        }
        int i = 0;
        for (RowNodes row : rows.values()) {
            if (!row.leaving) {
                row.layout(serverX, serverW, clientX, clientW, y + i * (rowH + gap), rowH, inset);
                i++;
            }
        }
        group.layout(serverX, serverW, clientX, clientW, y + i * (rowH + gap), rowH, inset);
        wires.resize(w, h);
        envelopes.resizeRelocate(0, 0, w, h);
        envelopes.maxEnvelopeWidth(Math.max(6 * em, (clientX - serverX - serverW) * 0.95 + 2 * inset));
        envelopes.place(System.nanoTime());
        startLifts();
    }

    private void startLifts() {
        for (Map.Entry<Long, Integer> lift : pendingLifts.entrySet()) {
            RowNodes row = rows.get(lift.getKey());
            int slot = lift.getValue();
            if (row == null || queue.slot(slot) == null) {
                continue;
            }
            Point2D from = centerOf(queue.slot(slot));
            Point2D to = new Point2D(row.connection.getLayoutX() + row.connection.getWidth() / 2,
                    row.connection.getLayoutY() + row.connection.getHeight() / 2);
            Motion.moveFrom(row.connection, from.getX() - to.getX(), from.getY() - to.getY(), frame.motionNanos());
        }
        pendingLifts.clear();
    }

    private Point2D centerOf(Node n) {
        Bounds b = sceneToLocal(n.localToScene(n.getLayoutBounds()));
        return new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    // --- anchors for the envelopes

    @Override
    public Point2D client(long rowId) {
        RowNodes row = rowId == StageModel.GROUP ? group : rows.get(rowId);
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
                    return centerOf(slot);
                }
                return new Point2D(queue.box.getLayoutX() + queue.box.getWidth(),
                        queue.box.getLayoutY() + queue.box.getHeight() / 2);
            }
            default -> {
                RowNodes row = e.rowId() == StageModel.GROUP ? group : rows.get(e.rowId());
                if (row == null) {
                    return null;
                }
                return new Point2D(serverX + serverW - 0.6 * em, row.centerY());
            }
        }
    }

    private int slotOf(long peerId) {
        if (frame == null || peerId == 0) {
            return -1;
        }
        for (SlotFigure s : frame.queue().slots()) {
            if (s.peerId() == peerId) {
                return s.index();
            }
        }
        return -1;
    }

    @Override
    public Point2D rest(long rowId) {
        RowNodes row = rowId == StageModel.GROUP ? group : rows.get(rowId);
        if (row == null || row.client.getHeight() <= 0) {
            return null;
        }
        return new Point2D((serverX + serverW + clientX) / 2, row.centerY());
    }

    @Override
    public double fall() {
        return 2 * em;
    }

    // --- selection

    private void markSelected(FigureRef ref) {
        if (selectedNode != null) {
            selectedNode.getStyleClass().remove("schematic-selected");
            selectedNode = null;
        }
        Node n = ref == null ? null : nodeFor(ref);
        if (n != null) {
            n.getStyleClass().add("schematic-selected");
            selectedNode = n;
        }
    }

    private Node nodeFor(FigureRef ref) {
        return switch (ref.kind()) {
            case LISTENER -> listener;
            case SLOT -> queue.slot((int) ref.id());
            case CONNECTION -> rows.containsKey(ref.id()) ? rows.get(ref.id()).connection : null;
            case CLIENT -> rows.containsKey(ref.id()) ? rows.get(ref.id()).client : null;
            case ENVELOPE -> envelopes.node(ref.id());
            case GROUP -> group.client;
        };
    }

    /** False while the stage sits in a tab that is not selected (or any hidden parent). */
    private boolean shown() {
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return getScene() != null;
    }

    private void stopFlights() {
        flights.stop();
        flying = false;
    }

    /** Stops the one timer; for closing the window. */
    void stop() {
        stopFlights();
    }

    boolean flying() {
        return flying;
    }
}
