package org.socketstage.ui.client;

import org.socketstage.ui.text.UiText;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.socketstage.client.ClientState;

/**
 * One client as a card: state, addresses, actions, and the newest lines of its call trace and conversation
 * (the selected card's full lists are shown beside the diagram). Only binds.
 */
final class ClientCardView extends VBox {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    ClientCardView(ClientCardModel card, ClientPanelViewModel vm, UiText text) {
        ClientStateWords words = vm.words();
        getStyleClass().add("client-card");
        // no CSS id per client: each would grow JavaFX's style cache for good (see ConnectionNode)
        setSpacing(4);

        Label state = new Label();
        state.getStyleClass().add("client-state");
        state.textProperty().bind(card.stateTextProperty());
        card.stateProperty().addListener((obs, was, is) -> styleState(state, is));
        styleState(state, card.state());
        Label title = new Label();
        title.getStyleClass().add("client-title");
        title.textProperty().bind(card.titleProperty());
        Label addresses = new Label();
        addresses.getStyleClass().add("client-addresses");
        addresses.textProperty().bind(card.addressesProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button remove = button(text.get("client.remove"), "remove", () -> vm.remove(card));
        remove.setTooltip(new Tooltip(text.get("client.remove.tip")));
        state.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        remove.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, state, title, grow, remove);
        header.setAlignment(Pos.CENTER_LEFT);

        Label detail = new Label();
        detail.getStyleClass().add("client-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(card.detailProperty());
        Label pending = new Label();
        pending.getStyleClass().add("client-pending");
        pending.textProperty().bind(card.pendingCallProperty());
        // the pending call changes at every call the client makes: its line is shown or hidden only on a real change
        org.socketstage.ui.support.Shown.exactlyWhile(pending, card.pendingCallProperty().isNotEmpty());

        BooleanBinding notConnected = is(card, ClientState.NOT_CONNECTED);
        BooleanBinding canSend = Bindings.createBooleanBinding(() -> card.state().connected()
                && card.state() != ClientState.HALF_CLOSED, card.stateProperty());
        BooleanBinding connected = Bindings.createBooleanBinding(() -> card.state().connected(), card.stateProperty());
        BooleanBinding open = Bindings.createBooleanBinding(() -> !card.state().ended()
                && card.state() != ClientState.CONNECTING, card.stateProperty());
        Button connect = button(text.get("client.connect"), "connect", () -> vm.connect(card));
        connect.disableProperty().bind(notConnected.not());
        Button exit = button(text.get("client.sendExit"), "exit", () -> vm.sendExit(card));
        exit.disableProperty().bind(canSend.not());
        Button half = button(text.get("client.halfClose"), "half-close", () -> vm.halfClose(card));
        half.disableProperty().bind(canSend.not());
        Button close = button(text.get("client.close"), "close", () -> vm.close(card));
        close.disableProperty().bind(open.not());
        Button abort = button(text.get("client.abort"), "abort", () -> vm.abort(card));
        abort.disableProperty().bind(connected.not());
        abort.setTooltip(new Tooltip(text.get("client.abort.tip")));
        FlowPane actions = new FlowPane(6, 4, connect, exit, half, close, abort);

        TailLines<String> calls = new TailLines<>(card.calls(), line -> line, "client-calls");
        TailLines<org.socketstage.client.ChatLine> chat = new TailLines<>(card.chat(), words::chat, "client-chat");
        VBox callsBox = new VBox(2, caption(text.get("client.calls")), calls);
        VBox chatBox = new VBox(2, caption(text.get("client.chat")), chat);
        HBox.setHgrow(callsBox, Priority.ALWAYS);
        HBox.setHgrow(chatBox, Priority.ALWAYS);
        callsBox.setPrefWidth(320);
        chatBox.setPrefWidth(220);
        HBox lists = new HBox(8, callsBox, chatBox);

        TextField input = new TextField();
        input.getStyleClass().add("client-input");
        input.setPromptText(text.get("client.input.prompt"));
        input.textProperty().bindBidirectional(card.outgoingProperty());
        input.setOnAction(e -> vm.send(card));
        input.disableProperty().bind(canSend.not());
        HBox.setHgrow(input, Priority.ALWAYS);
        CheckBox newline = new CheckBox(text.get("client.addNewline"));
        newline.selectedProperty().bindBidirectional(card.addNewlineProperty());
        Button send = button(text.get("client.send"), "send", () -> vm.send(card));
        send.disableProperty().bind(canSend.not());
        Label counters = new Label();
        counters.getStyleClass().add("client-counters");
        counters.textProperty().bind(card.countersProperty());
        HBox sendRow = new HBox(6, input, newline, send);
        sendRow.setAlignment(Pos.CENTER_LEFT);

        FlowPane where = new FlowPane(12, 2, addresses, counters);
        getChildren().addAll(header, where, detail, pending, actions, lists, sendRow);
        card.selectedProperty().addListener((obs, was, is) -> pseudoClassStateChanged(SELECTED, is));
        pseudoClassStateChanged(SELECTED, card.selectedProperty().get());
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> vm.selectedProperty().set(card));
    }

    private static BooleanBinding is(ClientCardModel card, ClientState s) {
        return Bindings.createBooleanBinding(() -> card.state() == s, card.stateProperty());
    }

    private static Button button(String label, String idSuffix, Runnable action) {
        Button b = new Button(label);
        b.setMnemonicParsing(false);
        b.getStyleClass().add("client-action-" + idSuffix);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label caption(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("client-caption");
        return l;
    }

    private static void styleState(Label label, ClientState state) {
        String now = "state-" + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (!label.getStyleClass().contains(now)) {
            label.getStyleClass().removeIf(c -> c.startsWith("state-"));
            label.getStyleClass().add(now);
        }
    }
}
