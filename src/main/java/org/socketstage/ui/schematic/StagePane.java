package org.socketstage.ui.schematic;

import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.socketstage.ui.schematic.StageFrame.QueueFigure;
import org.socketstage.ui.schematic.StageFrame.RowFigure;
import org.socketstage.ui.support.OncePerPulse;
import org.socketstage.ui.text.UiText;

/**
 * Draws a {@link StageFrame}: the server process with its listening socket and accept queue on the left, the
 * clients on the right with the queue's note above them, one {@link ClientRows row} per client, and the
 * envelopes between. Node-for-figure: nodes are kept while their figure lives and only their text and tone
 * change. A timer runs only while envelopes fly; when nothing changes nothing moves.
 */
final class StagePane extends Pane {

    /** Rows a stage should show one by one before it draws them compact (and the queue's slots on one line). */
    static final int COMFORTABLE_ROWS = 5;
    /** Below this height (in em) five two-line rows, the listener and a two-line queue do not fit together. */
    static final double COMPACT_BELOW_EM = 34;

    private final SchematicViewModel vm;
    private final Region processBox = new Region();
    private final Region clientsBox = new Region();
    private final Label processCaption;
    private final Label clientsCaption;
    private final Label connectionsCaption;
    private final FigureNode listener;
    private final Label address = new Label();
    private final QueueNodes queue;
    private final ClientRows rows;
    private final EnvelopeLayer envelopes;
    private final StageColumns columns = new StageColumns();
    private final PacketAnchors anchors;
    private final Selection selection;
    private StageFrame frame;
    private Object shape;
    private boolean compact;
    private double slotWidth = 3.3 * 13;
    private int rowsThatFit = StageModel.DEFAULT_MAX_ROWS;
    private final OncePerPulse tellRowsThatFit;
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
        // bind() attaches the address under the title; the state below it wraps rather than being cut
        listener.getChildren().add(1, address);
        listener.lineLabel().setWrapText(true);
        queue = new QueueNodes(vm);
        rows = new ClientRows(vm);
        envelopes = new EnvelopeLayer(vm);
        anchors = new PacketAnchors(listener, queue, rows, columns, () -> frame, this::centreOf);
        envelopes.anchors(anchors);
        getChildren().addAll(processBox, clientsBox, processCaption, clientsCaption, connectionsCaption,
                listener, queue.box, queue.note, rows.layer, envelopes);
        // placed by layoutChildren alone: a figure's text changing lays out that figure, not the whole window
        getChildren().forEach(n -> n.setManaged(false));
        selection = new Selection(listener, queue, rows, envelopes);
        setOnMouseClicked(e -> vm.select(null));
        vm.selectedProperty().addListener((o, was, is) -> selection.mark(is));
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
        rows.show(f, motion);
        envelopes.show(f.envelopes());
        selection.mark(vm.selectedProperty().get());
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
        // the listener's state wraps: its text decides the listener's height
        return List.of(f.listener().exists(), f.listener().address().isEmpty(), f.listener().state(), f.queue().open(),
                Math.min(f.queue().slots().size(), slotCapacity()), f.queue().note(),
                f.rows().stream().map(RowFigure::id).toList(), f.group() != null);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 30 * columns.em;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 20 * columns.em;
    }

    private void showListener(StageFrame f, StageFrame before, long motion) {
        StageFrame.ListenerFigure l = f.listener();
        listener.show(l.title(), l.state(), l.tone());
        if (!l.address().equals(address.getText())) {
            address.setText(l.address());
        }
        address.setVisible(!l.address().isEmpty());
        address.setManaged(!l.address().isEmpty());
        if (l.exists() && (before == null || !before.listener().exists())) {
            Motion.appear(listener, motion);
        }
        if (!l.address().isEmpty() && (before == null || before.listener().address().isEmpty())) {
            Motion.slideIn(address, 3 * columns.em, motion);
        }
    }

    private void showQueue(QueueFigure q, QueueFigure before, long motion) {
        queue.box.setVisible(q.open() || frame.listener().exists());
        queue.show(q, before, slotCapacity(), motion);
    }

    /** Two lines of slots at most (one on a compact stage); past that the last slot says how many more. */
    private int slotCapacity() {
        int perLine = Math.max(3, (int) ((columns.serverW - 1.6 * columns.em) / slotWidth));
        return (compact ? 1 : 2) * perLine;
    }

    /** A drawn slot's width with its gap (slots are larger when presenting); before any is drawn, a guess. */
    private void measureSlots() {
        Label first = queue.slot(0);
        double measured = first == null ? 3.3 * columns.em : first.prefWidth(-1) + 0.25 * columns.em;
        if (measured > 0 && Math.abs(measured - slotWidth) > 0.5) {
            int before = slotCapacity();
            slotWidth = measured;
            if (frame != null && slotCapacity() != before) {
                queue.show(frame.queue(), frame.queue(), slotCapacity(), 0);
                shape = shape(frame);
            }
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        columns.measure(w, listener.titleLabel().getFont().getSize());
        double em = columns.em;
        useCompact(h < COMPACT_BELOW_EM * em);
        measureSlots();
        double pad = columns.pad;
        double inset = columns.inset;
        processBox.resizeRelocate(columns.serverX, pad, columns.serverW, Math.max(0, h - 2 * pad));
        clientsBox.resizeRelocate(columns.clientX, pad, columns.clientW, Math.max(0, h - 2 * pad));
        double y = pad + 0.25 * em;
        double captionH = processCaption.prefHeight(-1);
        processCaption.resizeRelocate(columns.serverX + inset, y, columns.serverFigureW(), captionH);
        clientsCaption.resizeRelocate(columns.clientX + inset, y, columns.clientFigureW(), captionH);
        double noteTop = y + captionH + 0.2 * em;
        y = noteTop;
        double figureW = columns.serverFigureW();
        double listenerH = listener.prefHeight(figureW);
        listener.resizeRelocate(columns.serverX + inset, y, figureW, listenerH);
        y += listenerH + 0.3 * em;
        double queueH = queue.box.isVisible() ? queue.box.prefHeight(figureW) : 0;
        queue.box.resizeRelocate(columns.serverX + inset, y, figureW, queueH);
        y += queueH + 0.25 * em;
        // a short stage keeps its rows; the caption comes back when there is room
        boolean roomy = !compact && h > 26 * em;
        connectionsCaption.setVisible(roomy);
        if (roomy) {
            connectionsCaption.resizeRelocate(columns.serverX + inset, y, figureW, captionH);
            y += captionH + 0.25 * em;
        }
        placeNote(noteTop, y - 0.25 * em);
        // from the fonts alone, never from the rows' text: the number of rows that fit must not depend on them
        double rowH = rowHeight();
        double gap = (compact ? 0.2 : 0.45) * em;
        int fit = Math.max(2, (int) ((h - pad - 0.2 * em - y + gap) / (rowH + gap)));
        if (fit != vm.maxRows()) {
            rowsThatFit = fit;
            tellRowsThatFit.request(); // before the next pulse's layout, not in the middle of this one
        }
        rows.layout(columns, y, rowH, gap, w, h);
        envelopes.resizeRelocate(0, 0, w, h);
        envelopes.maxEnvelopeWidth(Math.max(6 * em, columns.corridorW() * 0.95 + 2 * inset));
        envelopes.place(System.nanoTime());
        rows.startLifts(anchors::slotCentre, frame == null ? 0 : frame.motionNanos());
    }

    /**
     * The queue's note goes above the clients, under their caption, where no packet ever flies (packets stop
     * beside a client, never over it): it can neither hide a packet nor push the rows down.
     */
    private void placeNote(double top, double bottom) {
        double noteW = columns.clientFigureW();
        double noteH = Math.min(queue.note.prefHeight(noteW), Math.max(0, bottom - top));
        queue.note.resizeRelocate(columns.clientX + columns.inset, top, noteW, noteH);
    }

    /** A row holds two lines of text; on a compact stage in the rows' smaller type and with less padding. */
    private double rowHeight() {
        if (!compact) {
            return 2 * listener.titleLabel().prefHeight(-1) + 0.8 * columns.em;
        }
        FigureNode sample = rows.group().client;
        return sample.titleLabel().prefHeight(-1) + sample.lineLabel().prefHeight(-1) + 0.45 * columns.em;
    }

    private void useCompact(boolean on) {
        if (on == compact) {
            return;
        }
        compact = on;
        queue.compact(on);
        if (on) {
            getStyleClass().add("schematic-compact");
        } else {
            getStyleClass().remove("schematic-compact");
        }
        if (frame != null) {
            queue.show(frame.queue(), frame.queue(), slotCapacity(), 0);
            shape = shape(frame);
        }
    }

    private Point2D centreOf(Node n) {
        Bounds b = sceneToLocal(n.localToScene(n.getLayoutBounds()));
        return new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
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

    /** True while the rows are drawn compact (a short stage). */
    boolean compact() {
        return compact;
    }
}
