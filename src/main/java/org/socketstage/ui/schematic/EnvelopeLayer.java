package org.socketstage.ui.schematic;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import org.socketstage.ui.schematic.StageFrame.EnvelopeFigure;

/**
 * The envelopes, above every figure. Each is placed from its launch and landing times on the pulse clock, so a
 * single timer (run by the stage only while something flies) moves them all; a landed packet rests in the
 * middle of its row's wire, dimmed, and stays clickable.
 */
final class EnvelopeLayer extends Pane {

    /** Where envelopes start, end and rest, from the stage's current layout; null when the figure is not drawn. */
    interface Anchors {
        Point2D client(long rowId);

        Point2D server(EnvelopeFigure e);

        Point2D rest(long rowId);

        /** How far a dropped packet falls, in pixels. */
        double fall();
    }

    private static final double DROP_AT = 0.75;
    private static final double RESTING_OPACITY = 0.8;

    private final Map<Long, Label> nodes = new HashMap<>();
    /** Hidden labels kept for reuse, by look: in live mode envelopes come and go many times a second. */
    private final Map<String, java.util.ArrayDeque<Label>> spare = new HashMap<>();
    private final Map<Long, EnvelopeFigure> figures = new HashMap<>();
    private final SchematicViewModel vm;
    private Anchors anchors;

    EnvelopeLayer(SchematicViewModel vm) {
        this.vm = vm;
        setPickOnBounds(false);
        getStyleClass().add("schematic-envelopes");
    }

    void anchors(Anchors a) {
        this.anchors = a;
    }

    /** Shows these envelopes; a row's resting packet hides while another one flies on that row. */
    void show(List<EnvelopeFigure> envelopes) {
        Set<Long> busyRows = new HashSet<>();
        for (EnvelopeFigure e : envelopes) {
            if (!e.resting()) {
                busyRows.add(e.rowId());
            }
        }
        Set<Long> keep = new HashSet<>();
        for (EnvelopeFigure e : envelopes) {
            if (e.resting() && busyRows.contains(e.rowId())) {
                continue;
            }
            keep.add(e.id());
            Label n = nodes.computeIfAbsent(e.id(), id -> create(e));
            EnvelopeFigure before = figures.put(e.id(), e);
            if (before == null || !before.label().equals(e.label())) {
                n.setText(fitting(n, e));
            }
        }
        nodes.keySet().removeIf(id -> {
            if (keep.contains(id)) {
                return false;
            }
            Label n = nodes.get(id);
            n.setVisible(false);
            spare.computeIfAbsent(look(figures.remove(id)), k -> new java.util.ArrayDeque<>()).push(n);
            return true;
        });
    }

    private static String look(EnvelopeFigure e) {
        return e.kind().styleClass() + (e.dropped() ? "-dropped" : "");
    }

    private Label create(EnvelopeFigure e) {
        java.util.ArrayDeque<Label> pool = spare.get(look(e));
        Label n = pool == null ? null : pool.poll();
        if (n == null) {
            n = new Label();
            n.getStyleClass().addAll("schematic-envelope", e.kind().styleClass());
            if (e.dropped()) {
                n.getStyleClass().add("schematic-envelope-dropped");
            }
            n.setOnMouseClicked(ev -> {
                if (ev.getSource() instanceof Label l && l.getUserData() instanceof FigureRef ref) {
                    vm.select(ref);
                }
                ev.consume();
            });
            n.setVisible(false);
            // no id: each label of its own id was a full style match when made (see FigureNode)
            getChildren().add(n);
        }
        n.setUserData(new FigureRef(FigureRef.Kind.ENVELOPE, e.id()));
        return n;
    }

    /** True while some envelope shown has not landed by {@code now}. */
    boolean inFlight(long now) {
        for (EnvelopeFigure e : figures.values()) {
            if (!e.resting() && now < e.lands()) {
                return true;
            }
        }
        return false;
    }

    /** Places every envelope for pulse time {@code now}; true while some have not landed yet. */
    boolean place(long now) {
        boolean flying = false;
        for (Map.Entry<Long, Label> entry : nodes.entrySet()) {
            EnvelopeFigure e = figures.get(entry.getKey());
            flying |= !e.resting() && now < e.lands();
            place(entry.getValue(), e, now);
        }
        return flying;
    }

    private void place(Label n, EnvelopeFigure e, long now) {
        double w = n.prefWidth(-1);
        w = Math.min(w, n.getMaxWidth() > 0 ? n.getMaxWidth() : w);
        double h = n.prefHeight(w);
        Point2D at;
        double opacity = 1;
        if (e.resting()) {
            at = anchors.rest(e.rowId());
            opacity = RESTING_OPACITY;
        } else if (now < e.launch()) {
            at = null; // a later leg of the same call, still waiting for its turn
        } else {
            Point2D client = anchors.client(e.rowId());
            Point2D server = anchors.server(e);
            if (client == null || server == null) {
                at = null;
            } else {
                // envelopes stop beside a figure, not on it; into a queue slot they drop right in
                double beside = w / 2 + anchors.fall() / 6;
                client = client.add(-beside, 0);
                if (e.serverEnd() != Envelope.ServerEnd.QUEUE) {
                    server = server.add(beside, 0);
                }
                double t = e.duration() <= 0 ? 1 : Math.min(1, (now - e.launch()) / (double) e.duration());
                double travel = e.dropped() ? Math.min(t, DROP_AT) : t;
                double eased = travel * travel * (3 - 2 * travel);
                Point2D from = e.toServer() ? client : server;
                Point2D to = e.toServer() ? server : client;
                at = from.add(to.subtract(from).multiply(eased));
                if (e.dropped() && t > DROP_AT) {
                    double fallen = (t - DROP_AT) / (1 - DROP_AT);
                    at = at.add(0, fallen * anchors.fall());
                    opacity = 1 - 0.6 * fallen;
                }
            }
        }
        if (at == null) {
            n.setVisible(false);
            return;
        }
        n.resizeRelocate(at.getX() - w / 2, at.getY() - h / 2, w, h);
        if (n.getOpacity() != opacity) {
            n.setOpacity(opacity);
        }
        n.setVisible(true);
    }

    /** Caps every envelope's width (the corridor between the columns); each label is chosen again to fit it. */
    void maxEnvelopeWidth(double width) {
        for (Map.Entry<Long, Label> entry : nodes.entrySet()) {
            Label n = entry.getValue();
            if (n.getMaxWidth() != width) {
                n.setMaxWidth(width);
                n.setText(fitting(n, figures.get(entry.getKey())));
            }
        }
    }

    /**
     * The envelope's full label where it fits the corridor, else its short one: a label cut short ("✉ ×160 echoes ·
     * 13…") says less than a shorter one that is whole ("✉ ×160 echoes"); the details pane has the bytes.
     */
    private static String fitting(Label n, EnvelopeFigure e) {
        if (e == null) {
            return n.getText();
        }
        String full = "✉ " + e.label();
        double max = n.getMaxWidth();
        if (e.shortLabel().equals(e.label()) || max <= 0 || max == Double.MAX_VALUE) {
            return full;
        }
        if (n.getScene() != null) {
            n.applyCss(); // the envelope's own font (bold, smaller), which sets how wide the words are
        }
        javafx.scene.text.Text probe = new javafx.scene.text.Text(full);
        probe.setFont(n.getFont());
        double need = Math.ceil(probe.getLayoutBounds().getWidth()) + n.snappedLeftInset() + n.snappedRightInset() + 1;
        return need <= max ? full : "✉ " + e.shortLabel();
    }

    Label node(long id) {
        return nodes.get(id);
    }

    @Override
    protected void layoutChildren() {
        // placed by place(), never by the pane's own layout
    }
}
