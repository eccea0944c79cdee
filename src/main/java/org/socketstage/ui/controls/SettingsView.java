package org.socketstage.ui.controls;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.socketstage.settings.Concurrency;
import org.socketstage.ui.text.UiText;

/** Controller of fxml/controls/SettingsView.fxml: the fields, each with its own message when invalid. */
public final class SettingsView {

    @FXML private TextField portField;
    @FXML private Label portError;
    @FXML private ComboBox<String> addressBox;
    @FXML private Label addressError;
    @FXML private Label allInterfacesNotice;
    @FXML private TextField backlogField;
    @FXML private Label backlogError;
    @FXML private CheckBox reuseAddrBox;
    @FXML private ChoiceBox<Concurrency> concurrencyBox;
    @FXML private TextField maxConnectionsField;
    @FXML private Label maxConnectionsError;
    @FXML private TextField recvBufferField;
    @FXML private Label recvBufferError;
    @FXML private TextField idleTimeoutField;
    @FXML private Label idleTimeoutError;
    @FXML private Label startBlocked;

    private final SettingsViewModel vm;
    private final ServerControlViewModel control;
    private final UiText texts;

    public SettingsView(SettingsViewModel vm, ServerControlViewModel control, UiText texts) {
        this.vm = vm;
        this.control = control;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        portField.textProperty().bindBidirectional(vm.portProperty());
        backlogField.textProperty().bindBidirectional(vm.backlogProperty());
        maxConnectionsField.textProperty().bindBidirectional(vm.maxConnectionsProperty());
        recvBufferField.textProperty().bindBidirectional(vm.recvBufferProperty());
        idleTimeoutField.textProperty().bindBidirectional(vm.idleTimeoutProperty());
        addressBox.getItems().setAll("127.0.0.1", SettingsViewModel.ALL_INTERFACES);
        addressBox.getEditor().textProperty().bindBidirectional(vm.bindAddressProperty());
        addressBox.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.bindAddressProperty().set(b);
            }
        });
        reuseAddrBox.selectedProperty().bindBidirectional(vm.reuseAddrProperty());
        concurrencyBox.getItems().setAll(Concurrency.values());
        concurrencyBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Concurrency c) {
                return c == null ? "" : texts.get("settings.concurrency." + c.name());
            }

            @Override
            public Concurrency fromString(String s) {
                return null;
            }
        });
        concurrencyBox.valueProperty().bindBidirectional(vm.concurrencyProperty());
        showError(portError, portField, vm.portErrorProperty());
        showError(addressError, addressBox, vm.addressErrorProperty());
        showError(backlogError, backlogField, vm.backlogErrorProperty());
        showError(maxConnectionsError, maxConnectionsField, vm.maxConnectionsErrorProperty());
        showError(recvBufferError, recvBufferField, vm.recvBufferErrorProperty());
        showError(idleTimeoutError, idleTimeoutField, vm.idleTimeoutErrorProperty());
        allInterfacesNotice.textProperty().bind(vm.allInterfacesNoticeProperty());
        allInterfacesNotice.visibleProperty().bind(vm.allInterfacesNoticeProperty().isNotEmpty());
        allInterfacesNotice.managedProperty().bind(allInterfacesNotice.visibleProperty());
        startBlocked.visibleProperty().bind(control.serverActiveProperty().not()
                .and(Bindings.createBooleanBinding(() -> !vm.isValid(), vm.validProperty())));
        startBlocked.managedProperty().bind(startBlocked.visibleProperty());
        for (Node field : new Node[] {portField, addressBox, backlogField, reuseAddrBox, concurrencyBox,
                maxConnectionsField, recvBufferField, idleTimeoutField}) {
            field.disableProperty().bind(control.serverActiveProperty());
        }
    }

    private static void showError(Label label, Node field, ObservableStringValue error) {
        label.textProperty().bind(Bindings.concat("✖ ", error));
        label.visibleProperty().bind(Bindings.isNotEmpty(error));
        label.managedProperty().bind(label.visibleProperty());
        Runnable mark = () -> {
            field.getStyleClass().remove("invalid");
            if (!error.get().isEmpty()) {
                field.getStyleClass().add("invalid");
            }
        };
        error.addListener((o, a, b) -> mark.run());
        mark.run();
    }
}
