package org.socketstage.ui.client;

import org.socketstage.ui.text.UiText;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;
import org.socketstage.client.Segment;

/**
 * The selected client's conversation as a schematic sequence diagram: the client's lifeline on the left, the
 * server's on the right, one arrow per segment TCP must have sent for the calls to return as they did.
 */
final class SequenceDiagramView extends Pane {

    private static final double TOP = 44;
    private static final double STEP = 44;
    private static final double MARGIN = 70;

    private final ClientStateWords words;
    private final UiText text;
    private final ListChangeListener<Segment> redraw = c -> draw();
    private final javafx.beans.value.ChangeListener<String> retitle = (obs, was, is) -> draw();
    private final javafx.beans.value.ChangeListener<Object> restate = (obs, was, is) -> draw();
    private ClientCardModel card;

    SequenceDiagramView(ClientStateWords words, UiText text) {
        this.words = words;
        this.text = text;
        getStyleClass().add("sequence-diagram");
        setMinHeight(160);
        widthProperty().addListener((obs, was, is) -> draw());
    }

    /** Shows this card's segments, following them as they grow; null shows the empty diagram. */
    void show(ClientCardModel card) {
        if (this.card != null) {
            this.card.segments().removeListener(redraw);
            this.card.titleProperty().removeListener(retitle);
            this.card.stateProperty().removeListener(restate);
        }
        this.card = card;
        if (card != null) {
            card.segments().addListener(redraw);
            card.titleProperty().addListener(retitle);
            card.stateProperty().addListener(restate);
        }
        draw();
    }

    private void draw() {
        List<Segment> segments = card == null ? List.of() : List.copyOf(card.segments());
        String clientName = card == null ? text.get("client.diagram.client") : card.titleProperty().get();
        String serverName = text.get("client.diagram.server");
        double width = Math.max(getWidth(), 320);
        double left = MARGIN;
        double right = width - MARGIN;
        getChildren().clear();
        double y = TOP + STEP * 0.6;
        for (Segment s : segments) {
            y += drawArrow(s, left, right, y);
        }
        String serverSide = card == null ? "" : words.serverSide(card.state(), card.acceptedByProperty().get());
        if (!serverSide.isEmpty()) {
            Text mark = new Text(serverSide);
            mark.getStyleClass().add("diagram-server-side");
            mark.setWrappingWidth(Math.min(260, right - left));
            mark.setX(right - mark.getWrappingWidth() - 6);
            mark.setY(y + 4);
            getChildren().add(mark);
            y += mark.getLayoutBounds().getHeight() + 12;
        }
        double bottom = Math.max(y, TOP + 2 * STEP);
        setPrefHeight(bottom + 20);
        getChildren().addAll(heading(clientName, left), heading(serverName, right),
                lifeline(left, bottom), lifeline(right, bottom));
        if (segments.isEmpty()) {
            Text none = new Text(left + 12, TOP + STEP, text.get("client.diagram.empty"));
            none.getStyleClass().add("diagram-note");
            getChildren().add(none);
        }
    }

    /** Draws one arrow with its label and note; returns the height it took. */
    private double drawArrow(Segment s, double left, double right, double y) {
        boolean toServer = s.direction() == Segment.Direction.TO_SERVER;
        double from = toServer ? left : right;
        double to = toServer ? right : left;
        double rise = 10;
        Line line = new Line(from, y, to, y + rise);
        line.getStyleClass().addAll("diagram-arrow", "segment-" + s.kind().name().toLowerCase(java.util.Locale.ROOT));
        double dir = Math.signum(to - from);
        Polygon head = new Polygon(to, y + rise, to - dir * 10, y + rise - 5, to - dir * 10, y + rise + 5);
        head.getStyleClass().addAll("diagram-head", "segment-" + s.kind().name().toLowerCase(java.util.Locale.ROOT));
        Text label = new Text(words.segment(s));
        label.getStyleClass().add("diagram-label");
        label.setX((left + right) / 2 - label.getLayoutBounds().getWidth() / 2);
        label.setY(y - 4);
        getChildren().addAll(line, head, label);
        String note = words.note(s);
        if (!note.isEmpty()) {
            Text n = new Text(note);
            n.getStyleClass().add("diagram-note");
            n.setWrappingWidth(right - left - 20);
            n.setX(left + 10);
            n.setY(y + rise + 14);
            getChildren().add(n);
            return STEP + n.getLayoutBounds().getHeight();
        }
        return STEP;
    }

    private Text heading(String name, double x) {
        Text t = new Text(name);
        t.getStyleClass().add("diagram-heading");
        t.setX(Math.max(2, x - t.getLayoutBounds().getWidth() / 2));
        t.setY(20);
        return t;
    }

    private static Line lifeline(double x, double bottom) {
        Line l = new Line(x, 28, x, bottom);
        l.getStyleClass().add("diagram-lifeline");
        return l;
    }
}
