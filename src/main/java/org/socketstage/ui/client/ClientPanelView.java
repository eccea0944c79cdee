package org.socketstage.ui.client;

import org.socketstage.ui.text.UiText;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Button;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.socketstage.client.ChatLine;
import org.socketstage.ui.EventSink;
import org.socketstage.ui.PaneController;

/**
 * The client panel's controller: binds the toolbar, one card per client and the sequence diagram of the
 * selected client to {@link ClientPanelViewModel}. The clients' I/O runs on their own threads; what they do
 * comes back as events through the main window's adapter.
 */
public final class ClientPanelView implements PaneController {

    @FXML private ResourceBundle resources;
    @FXML private BorderPane root;
    @FXML private TextField targetField;
    @FXML private TextField timeoutField;
    @FXML private Button addButton;
    @FXML private Button connectManyButton;
    @FXML private Button removeAllButton;
    @FXML private Label countLabel;
    @FXML private Label messageLabel;
    @FXML private SplitPane split;
    @FXML private VBox cardBox;
    @FXML private Label emptyLabel;
    @FXML private Label diagramTitle;
    @FXML private HBox diagramHolder;
    @FXML private ListView<String> selectedCalls;
    @FXML private ListView<ChatLine> selectedChat;

    private static final double NARROW = 900;

    private final Map<ClientCardModel, ClientCardView> views = new HashMap<>();
    private final ClientPanelViewModel viewModel;
    private final UiText text;
    private SequenceDiagramView diagram;

    public ClientPanelView(ClientPanelViewModel viewModel, UiText text) {
        this.viewModel = viewModel;
        this.text = text;
    }

    @FXML
    private void initialize() {
        targetField.textProperty().bindBidirectional(viewModel.targetTextProperty());
        targetField.promptTextProperty().bind(viewModel.targetHintProperty());
        targetField.setOnAction(e -> viewModel.addClient());
        timeoutField.textProperty().bindBidirectional(viewModel.timeoutTextProperty());
        countLabel.textProperty().bind(viewModel.countTextProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        emptyLabel.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.cards()));
        emptyLabel.managedProperty().bind(emptyLabel.visibleProperty());

        selectedChat.setCellFactory(list -> new ChatCell(viewModel.words()));
        // follow the newest line of whichever client is selected
        selectedCalls.itemsProperty().addListener((obs, was, is) -> is.addListener(
                (ListChangeListener<String>) c -> selectedCalls.scrollTo(is.size() - 1)));
        selectedChat.itemsProperty().addListener((obs, was, is) -> is.addListener(
                (ListChangeListener<ChatLine>) c -> selectedChat.scrollTo(is.size() - 1)));
        diagram = new SequenceDiagramView(viewModel.words(), text);
        HBox.setHgrow(diagram, Priority.ALWAYS);
        diagramHolder.getChildren().add(diagram);
        viewModel.selectedProperty().addListener((obs, was, is) -> showSelected(is));
        // the pane may be built after clients were added (its tab is filled when first shown)
        showSelected(viewModel.selectedProperty().get());

        viewModel.cards().addListener((ListChangeListener<ClientCardModel>) change -> syncCards());
        syncCards();
        // in a narrow tab the diagram goes below the cards instead of beside them
        root.widthProperty().addListener((obs, was, is) -> {
            Orientation wanted = is.doubleValue() < NARROW ? Orientation.VERTICAL : Orientation.HORIZONTAL;
            if (split.getOrientation() != wanted) {
                split.setOrientation(wanted);
                split.setDividerPositions(0.58);
            }
        });
    }

    private void syncCards() {
        views.keySet().removeIf(card -> {
            if (!viewModel.cards().contains(card)) {
                cardBox.getChildren().remove(views.get(card));
                return true;
            }
            return false;
        });
        for (ClientCardModel card : viewModel.cards()) {
            views.computeIfAbsent(card, c -> {
                ClientCardView v = new ClientCardView(c, viewModel, text);
                cardBox.getChildren().add(v);
                return v;
            });
        }
    }

    private void showSelected(ClientCardModel card) {
        diagram.show(card);
        selectedCalls.setItems(card == null ? FXCollections.observableArrayList() : card.calls());
        selectedChat.setItems(card == null ? FXCollections.observableArrayList() : card.chat());
        selectedCalls.scrollTo(selectedCalls.getItems().size() - 1);
        selectedChat.scrollTo(selectedChat.getItems().size() - 1);
        diagramTitle.textProperty().unbind();
        if (card == null) {
            diagramTitle.setText(text.get("client.diagram.none"));
        } else {
            diagramTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> text.format("client.diagram.title", card.titleProperty().get(), card.addressesProperty().get()),
                    card.titleProperty(), card.addressesProperty()));
        }
    }

    @FXML
    private void onAdd() {
        viewModel.addClient();
    }

    @FXML
    private void onConnectMany() {
        viewModel.connectMany();
    }

    @FXML
    private void onRemoveAll() {
        viewModel.removeAll();
    }

    @Override
    public EventSink viewModel() {
        return viewModel;
    }

    public ClientPanelViewModel panel() {
        return viewModel;
    }

}
