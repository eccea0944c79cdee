package org.socketstage.ui.sockets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.socketstage.ui.support.StateLook;
import org.socketstage.ui.support.SteadyLine;
import org.socketstage.ui.text.UiText;

/** Controller of fxml/sockets/SocketsView.fxml: the listening socket, the accept queue, the connections. */
public final class SocketsView {

    /** The listener's state line when socket, bind or listen failed ({@code .listener-state:failed}). */
    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    /** A queue slot holding a connection within the limit ({@code .queue-slot:filled}). */
    static final PseudoClass FILLED = PseudoClass.getPseudoClass("filled");
    /** A queue slot holding a connection past the backlog (Linux holds one more: {@code .queue-slot:over}). */
    static final PseudoClass OVER = PseudoClass.getPseudoClass("over");

    static final int MAX_SLOTS_DRAWN = 24;

    private final List<Label> slotLabels = new ArrayList<>();
    private final Label more = new Label();

    @FXML private Label listenerFd;
    @FXML private Label listenerAddress;
    @FXML private Label listenerState;
    @FXML private FlowPane slots;
    @FXML private Label queueSummary;
    @FXML private Label overflow;
    @FXML private Label noConnections;
    @FXML private Label totals;
    @FXML private FlowPane connections;
    @FXML private Label moreConnections;

    private final UiText texts;
    private final SocketsViewModel viewModel;
    private final Map<Long, ConnectionNode> connectionNodes = new HashMap<>();
    /**
     * Cards of connections no longer drawn, for the next ones: a class's fifty clients leave and fifty more connect,
     * and a new card (its labels' skins made, every node styled for the first time) cost about a millisecond of
     * the FX thread each, most of the frames over 20 ms when a class connects. A kept card only changes its words.
     */
    private final ArrayDeque<ConnectionNode> spareCards = new ArrayDeque<>();

    public SocketsView(SocketsViewModel vm, UiText texts) {
        this.viewModel = vm;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        SocketsViewModel vm = viewModel;
        more.getStyleClass().add("queue-more");
        vm.listenerProperty().addListener((o, a, b) -> showListener(b));
        vm.queueProperty().addListener((o, a, b) -> showQueue(b));
        vm.connections().addListener((ListChangeListener<ConnectionCard>) c -> showConnections(vm.connections()));
        overflow.managedProperty().bind(overflow.visibleProperty());
        totals.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            ServedTotals t = vm.totalsProperty().get();
            return texts.format("sockets.totals", t.accepted(), t.bytesIn(), t.bytesOut());
        }, vm.totalsProperty()));
        noConnections.managedProperty().bind(noConnections.visibleProperty());
        moreConnections.managedProperty().bind(moreConnections.visibleProperty());
        moreConnections.visibleProperty().bind(vm.notDrawnProperty().greaterThan(0));
        moreConnections.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> texts.format("sockets.connections.more", vm.notDrawnProperty().get()), vm.notDrawnProperty()));
        // the totals change at every refresh under load: their lines relay out alone (see SteadyLine)
        SteadyLine.inPlaceOf(totals);
        showListener(vm.listenerProperty().get());
        showQueue(vm.queueProperty().get());
        showConnections(vm.connections());
    }

    private void showListener(ListenerCard l) {
        listenerFd.setText(l.fd() < 0 ? texts.get("sockets.listener.noFd") : texts.format("sockets.listener.fd", l.fd()));
        listenerAddress.setText(l.address().isEmpty() ? texts.get("sockets.listener.unbound") : l.address());
        listenerState.setText((l.failed() ? "✖ " : "") + l.state());
        StateLook.set(listenerState, FAILED, l.failed());
    }

    private void showQueue(QueueCard q) {
        int total = Math.max(q.slots(), Math.max(0, q.waiting()));
        // the slots' labels are kept and changed in place: new ones at every kernel snapshot were styled and laid
        // out anew each time, ten times a second under load
        int drawn = Math.min(total, MAX_SLOTS_DRAWN);
        List<Node> want = new ArrayList<>(drawn + 1);
        for (int i = 0; i < drawn; i++) {
            if (i == slotLabels.size()) {
                Label slot = new Label();
                slot.getStyleClass().add("queue-slot");
                slotLabels.add(slot);
            }
            fillSlot(slotLabels.get(i), q, i);
            want.add(slotLabels.get(i));
        }
        slotLabels.subList(drawn, slotLabels.size()).clear();
        if (total > MAX_SLOTS_DRAWN) {
            more.setText(texts.format("sockets.queue.more", total - MAX_SLOTS_DRAWN));
            want.add(more);
        }
        if (!slots.getChildren().equals(want)) {
            slots.getChildren().setAll(want);
        }
        queueSummary.setText(summary(q));
        String over = overflowText(q);
        overflow.setText(over);
        overflow.setVisible(!over.isEmpty());
    }

    private void fillSlot(Label slot, QueueCard q, int i) {
        boolean filled = i < q.waiting();
        StateLook.set(slot, FILLED, filled && i < q.slots());
        StateLook.set(slot, OVER, filled && i >= q.slots());
        if (filled) {
            String peer = i < q.waitingPeers().size() ? q.waitingPeers().get(i) : "";
            slot.setText("● " + (peer.isEmpty() ? "" : peer.substring(peer.lastIndexOf(':') + 1)));
            String tip = peer.isEmpty() ? texts.get("sockets.queue.waiting") : peer;
            // one tooltip per slot, its text changed in place: a Tooltip is a window with its own scene, and
            // making new ones as the queue moved was a tenth of the FX thread's work when fifty clients connected
            Tooltip shown = (Tooltip) slot.getProperties().computeIfAbsent(Tooltip.class, k -> new Tooltip());
            shown.setText(tip);
            if (slot.getTooltip() != shown) {
                slot.setTooltip(shown);
            }
        } else {
            slot.setText(texts.get("sockets.queue.free"));
            slot.setTooltip(null);
        }
    }

    private String summary(QueueCard q) {
        if (!q.kernelAvailable()) {
            return q.unavailableReason().isEmpty()
                    ? texts.get("sockets.queue.noSnapshot")
                    : texts.format("sockets.queue.unavailable", q.unavailableReason());
        }
        String waiting = q.waiting() < 0 ? "?" : Integer.toString(q.waiting());
        String limit = q.effectiveLimit() < 0 ? "?" : Integer.toString(q.effectiveLimit());
        String backlog = q.backlog() < 0 ? "?" : Integer.toString(q.backlog());
        return texts.format("sockets.queue.summary", waiting, limit, backlog, q.slots());
    }

    private String overflowText(QueueCard q) {
        return QueueWarning.of(q, texts);
    }

    private void showConnections(List<ConnectionCard> cards) {
        Set<Long> ids = new HashSet<>();
        for (ConnectionCard c : cards) {
            ids.add(c.id());
        }
        // in the order drawn: a new connection at the place of one that went takes its card where it is
        for (Node n : connections.getChildren()) {
            if (n instanceof ConnectionNode card && !ids.contains(card.connection())) {
                connectionNodes.remove(card.connection());
                if (spareCards.size() < SocketsViewModel.MAX_DRAWN) {
                    spareCards.add(card);
                }
            }
        }
        List<Node> wanted = new ArrayList<>(cards.size());
        for (ConnectionCard c : cards) {
            ConnectionNode node = connectionNodes.get(c.id());
            if (node == null) {
                node = spareCards.isEmpty() ? new ConnectionNode(texts) : spareCards.poll();
                connectionNodes.put(c.id(), node);
            }
            node.show(c);
            wanted.add(node);
        }
        arrange(connections.getChildren(), wanted);
        noConnections.setVisible(cards.isEmpty());
    }

    /**
     * Makes {@code children} hold {@code wanted}, in its order, moving only what is out of place. The nodes that go
     * are taken out first: a card taken out of its parent and put back is styled anew with all its labels, and
     * when the first of 24 cards went, moving each of the others up one place restyled them all.
     */
    static void arrange(ObservableList<Node> children, List<? extends Node> wanted) {
        Set<Node> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        keep.addAll(wanted);
        children.removeIf(n -> !keep.contains(n));
        for (int i = 0; i < wanted.size(); i++) {
            Node n = wanted.get(i);
            if (i < children.size() && children.get(i) == n) {
                continue;
            }
            children.remove(n);
            children.add(i, n);
        }
    }

    SocketsViewModel viewModel() {
        return viewModel;
    }
}
