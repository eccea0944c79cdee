package org.socketstage.ui.lane;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.socketstage.event.Step;
import org.socketstage.ui.support.SteadyLine;
import org.socketstage.ui.text.UiText;
import org.socketstage.ui.controls.ServerControlViewModel;

/** Controller of fxml/lane/LaneView.fxml: draws one card per stage and binds it to the LaneViewModel. */
public final class LaneView {

    @FXML private ScrollPane rowScroll;
    @FXML private HBox row;
    @FXML private Label failureBanner;
    @FXML private Label statusLine;

    private final Map<Step, StageNode> nodes = new EnumMap<>(Step.class);
    private final LaneViewModel viewModel;
    private final ServerControlViewModel control;
    private final UiText texts;

    public LaneView(LaneViewModel vm, ServerControlViewModel control, UiText texts) {
        this.viewModel = vm;
        this.control = control;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        LaneViewModel vm = viewModel;
        for (Step s : Step.values()) {
            StageNode node = new StageNode(s, texts);
            nodes.put(s, node);
            node.breakpointToggle().setSelected(control.breakpoints().contains(s));
            node.breakpointToggle().selectedProperty().addListener((o, was, on) -> control.setBreakpoint(s, on));
            vm.cardProperty(s).addListener((o, a, b) -> refresh(s));
        }
        control.breakpoints().addListener((SetChangeListener<Step>) c -> {
            Step s = c.wasAdded() ? c.getElementAdded() : c.getElementRemoved();
            nodes.get(s).breakpointToggle().setSelected(control.breakpoints().contains(s));
        });
        for (Step s : new Step[] {Step.SOCKET, Step.SETSOCKOPT, Step.SOCKADDR, Step.BIND, Step.LISTEN}) {
            row.getChildren().add(arrowed(s, s != Step.SOCKET));
        }
        HBox clientCards = new HBox(nodes.get(Step.RECV), arrow(), nodes.get(Step.SEND));
        Label clientLoop = new Label(texts.get("lane.clientLoop"));
        clientLoop.getStyleClass().add("loop-label");
        clientLoop.setWrapText(true);
        clientLoop.setMinWidth(0);
        clientLoop.maxWidthProperty().bind(clientCards.widthProperty()); // wraps under the cards, never widens them
        VBox clientBox = new VBox(clientCards, clientLoop);
        clientBox.getStyleClass().add("client-loop");
        HBox loopCards = new HBox(nodes.get(Step.ACCEPT), arrow(), clientBox, arrow(), nodes.get(Step.CLOSE_CLIENT));
        Label roundLabel = new Label();
        roundLabel.setId("lane-rounds");
        roundLabel.getStyleClass().add("loop-label");
        roundLabel.setWrapText(true);
        roundLabel.setMinWidth(0);
        roundLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.format("lane.rounds", vm.roundsProperty().get()), vm.roundsProperty()));
        roundLabel.maxWidthProperty().bind(loopCards.widthProperty());
        VBox acceptLoop = new VBox(loopCards, roundLabel);
        acceptLoop.getStyleClass().add("accept-loop");
        row.getChildren().addAll(arrow(), acceptLoop, arrow(), nodes.get(Step.CLOSE_LISTENER));
        // a scroll bar only when the cards do not fit; ALWAYS (not AS_NEEDED) so it adds its height, not covers the cards
        rowScroll.hbarPolicyProperty().bind(Bindings.when(row.widthProperty().greaterThan(rowScroll.widthProperty()))
                .then(ScrollPane.ScrollBarPolicy.ALWAYS).otherwise(ScrollPane.ScrollBarPolicy.NEVER));
        failureBanner.textProperty().bind(vm.failureProperty());
        failureBanner.visibleProperty().bind(vm.failureProperty().isNotEmpty());
        // over the status line, in the same fixed space: a failure appearing does not push the panes down
        statusLine.visibleProperty().bind(failureBanner.visibleProperty().not());
        Tooltip failureTip = new Tooltip();
        failureTip.textProperty().bind(vm.failureProperty());
        failureTip.setWrapText(true);
        failureBanner.setTooltip(failureTip);
        vm.currentStageProperty().addListener((o, a, b) -> {
            if (a != null) {
                refresh(a);
            }
            if (b != null) {
                refresh(b);
                showCurrent();
            }
        });
        statusLine.textProperty().bind(vm.statusProperty());
        // the status line changes at every refresh under load: it relays out alone (see SteadyLine)
        SteadyLine.inPlaceOf(statusLine);
        // the current card may widen as its text changes: follow it once the row has been laid out again
        row.needsLayoutProperty().addListener((o, was, needs) -> {
            if (!needs) {
                showCurrent();
            }
        });
        for (Step s : Step.values()) {
            refresh(s);
        }
    }

    /** When the row is wider than the window (a large zoom), scrolls just enough to show the current card. */
    private void showCurrent() {
        Step current = viewModel.currentStageProperty().get();
        if (current == null) {
            return;
        }
        StageNode card = nodes.get(current);
        double content = row.getWidth();
        double view = rowScroll.getViewportBounds().getWidth();
        if (content <= view || view <= 0) {
            return;
        }
        javafx.geometry.Bounds b = row.sceneToLocal(card.localToScene(card.getBoundsInLocal()));
        double left = rowScroll.getHvalue() * (content - view);
        double target = left;
        if (b.getMinX() < left) {
            target = b.getMinX();
        } else if (b.getMaxX() > left + view) {
            target = b.getMaxX() - view;
        }
        if (target != left) {
            rowScroll.setHvalue(target / (content - view));
        }
    }

    private HBox arrowed(Step s, boolean withArrow) {
        HBox box = new HBox();
        box.getStyleClass().add("stage-step");
        if (withArrow) {
            box.getChildren().add(arrow());
        }
        box.getChildren().add(nodes.get(s));
        return box;
    }

    private static Label arrow() {
        Label l = new Label("→");
        l.getStyleClass().add("stage-arrow");
        return l;
    }

    private void refresh(Step s) {
        nodes.get(s).show(viewModel.card(s), s == viewModel.currentStageProperty().get());
    }

    /**
     * F9: switches the breakpoint of the stage whose card holds the focus, else of the stage the server is at,
     * else of socket(), where a start begins.
     */
    public void toggleBreakpoint(Node focus) {
        Step s = stageOf(focus);
        if (s == null) {
            s = viewModel.currentStageProperty().get();
        }
        if (s == null) {
            s = Step.SOCKET;
        }
        control.setBreakpoint(s, !control.breakpoints().contains(s));
    }

    private Step stageOf(Node focus) {
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n instanceof StageNode card) {
                return card.stage();
            }
        }
        return null;
    }

    StageNode node(Step s) {
        return nodes.get(s);
    }
}
