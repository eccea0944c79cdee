package org.socketstage.ui.sockaddr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.socketstage.ui.PaneController;
import org.socketstage.ui.text.UiText;

/** Binds the sockaddr_in panel: a strip of 16 byte boxes grouped by member, a table of members, the port's byte order. */
public final class SockaddrView implements PaneController {

    @FXML private ResourceBundle resources;
    @FXML private VBox root;
    @FXML private Label status;
    @FXML private HBox byteStrip;
    @FXML private GridPane fieldTable;
    @FXML private VBox byteOrderBox;
    @FXML private Label portValue;
    @FXML private Label portHostOrder;
    @FXML private Label portNetworkOrder;

    private final List<Label> byteLabels = new ArrayList<>();
    private final SockaddrViewModel viewModel;
    private final UiText text;

    public SockaddrView(SockaddrViewModel viewModel, UiText text) {
        this.viewModel = viewModel;
        this.text = text;
    }

    @FXML
    private void initialize() {
        buildByteStrip();
        status.textProperty().bind(viewModel.statusProperty());
        portValue.textProperty().bind(viewModel.portValueProperty());
        portHostOrder.textProperty().bind(viewModel.portHostOrderProperty());
        portNetworkOrder.textProperty().bind(viewModel.portNetworkOrderProperty());
        byteOrderBox.visibleProperty().bind(viewModel.builtProperty());
        byteOrderBox.managedProperty().bind(viewModel.builtProperty());
        viewModel.builtProperty().addListener((obs, was, is) -> root.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("built"), is));
        viewModel.byteHex().addListener((ListChangeListener<String>) c -> showBytes());
        viewModel.fields().addListener((ListChangeListener<FieldRow>) c -> showFields());
        showBytes();
        showFields();
    }

    private void buildByteStrip() {
        for (SockaddrField.Span span : viewModel.layout()) {
            HBox boxes = new HBox();
            boxes.getStyleClass().add("byte-boxes");
            for (int i = span.offset(); i < span.offset() + span.length(); i++) {
                Label offset = new Label(Integer.toString(i));
                offset.getStyleClass().add("byte-offset");
                Label hex = new Label();
                hex.getStyleClass().add("byte-hex");
                byteLabels.add(hex);
                VBox box = new VBox(offset, hex);
                box.getStyleClass().add("byte-box");
                boxes.getChildren().add(box);
            }
            Label name = new Label(span.field().cName());
            name.getStyleClass().add("field-name");
            name.setMinWidth(Label.USE_PREF_SIZE);
            VBox group = new VBox(boxes, name);
            group.getStyleClass().addAll("field-group", styleClassOf(span.field()));
            byteStrip.getChildren().add(group);
        }
    }

    private static String styleClassOf(SockaddrField field) {
        return "field-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void showBytes() {
        for (int i = 0; i < byteLabels.size() && i < viewModel.byteHex().size(); i++) {
            byteLabels.get(i).setText(viewModel.byteHex().get(i));
        }
    }

    private void showFields() {
        fieldTable.getChildren().clear();
        fieldTable.addRow(0, header("sockaddr.column.field"), header("sockaddr.column.bytes"),
                header("sockaddr.column.meaning"));
        int row = 1;
        for (FieldRow f : viewModel.fields()) {
            Label name = new Label(f.field().cName());
            name.getStyleClass().addAll("field-cell-name", styleClassOf(f.field()));
            Label hex = new Label(f.hex());
            hex.getStyleClass().add("field-cell-hex");
            Label meaning = new Label(f.meaning());
            meaning.setWrapText(true);
            fieldTable.addRow(row++, name, hex, meaning);
        }
    }

    private Label header(String key) {
        Label l = new Label(text.get(key));
        l.getStyleClass().add("field-header");
        return l;
    }

    @Override
    public SockaddrViewModel viewModel() {
        return viewModel;
    }
}
