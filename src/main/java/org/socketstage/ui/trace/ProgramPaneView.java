package org.socketstage.ui.trace;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import org.socketstage.ui.EventSink;
import org.socketstage.ui.PaneController;
import org.socketstage.ui.text.UiText;

/**
 * Binds the Program tab: the traced program's source (or, without one, its calls as strace lines), what it
 * printed, the check's report, and the buttons to trace, stop, check and go back to SocketStage's server.
 */
public final class ProgramPaneView implements PaneController {

    @FXML private Label title;
    @FXML private Label status;
    @FXML private Label portWarning;
    @FXML private Button traceButton;
    @FXML private Button stopButton;
    @FXML private Button checkButton;
    @FXML private Button ownButton;
    @FXML private TabPane tabs;
    @FXML private Tab sourceTab;
    @FXML private Tab callsTab;
    @FXML private Tab checkTab;
    @FXML private TextArea source;
    @FXML private ListView<String> calls;
    @FXML private ListView<String> output;
    @FXML private Label checkStatus;
    @FXML private TextArea report;

    private final ProgramPaneViewModel vm;
    private final UiText text;
    private final Runnable openDialog;

    /** @param openDialog the window's "Trace a program…" (the dialog needs the window as its owner) */
    public ProgramPaneView(ProgramPaneViewModel vm, UiText text, Runnable openDialog) {
        this.vm = vm;
        this.text = text;
        this.openDialog = openDialog;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(vm.titleProperty());
        status.textProperty().bind(vm.statusProperty());
        portWarning.textProperty().bind(vm.portWarningProperty());
        portWarning.visibleProperty().bind(vm.portWarningProperty().isNotEmpty());
        portWarning.managedProperty().bind(portWarning.visibleProperty());
        source.textProperty().bind(vm.sourceProperty());
        calls.setItems(vm.calls());
        output.setItems(vm.output());
        ProgramCheckRunner checks = vm.checks();
        report.textProperty().bind(checks.reportProperty());
        checkStatus.textProperty().bind(checks.statusProperty());
        stopButton.disableProperty().bind(vm.runningProperty().not());
        checkButton.disableProperty().bind(vm.tracingProperty().not().or(vm.runningProperty())
                .or(checks.runningProperty()));
        checkButton.setTooltip(new Tooltip(text.get("program.check.tip")));
        ownButton.disableProperty().bind(vm.tracingProperty().not());
        vm.unsupportedReason().ifPresent(reason -> {
            traceButton.setDisable(true);
            traceButton.setTooltip(new Tooltip(reason));
            status.textProperty().unbind();
            status.setText(reason);
        });
        // with a source file the code is the story; without one, the calls are
        vm.hasSourceProperty().addListener((o, had, has) -> showSourceTab(has));
        showSourceTab(vm.hasSourceProperty().get());
        checks.runningProperty().addListener((o, was, is) -> {
            if (is) {
                tabs.getSelectionModel().select(checkTab);
            }
        });
        keepAtEnd(calls);
        keepAtEnd(output);
    }

    private void showSourceTab(boolean has) {
        if (has && !tabs.getTabs().contains(sourceTab)) {
            tabs.getTabs().add(0, sourceTab);
        } else if (!has) {
            tabs.getTabs().remove(sourceTab);
        }
        tabs.getSelectionModel().select(has ? sourceTab : callsTab);
    }

    /** New lines scroll into view, as in a terminal. */
    private static void keepAtEnd(ListView<String> list) {
        list.getItems().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!list.getItems().isEmpty()) {
                list.scrollTo(list.getItems().size() - 1);
            }
        });
    }

    @FXML
    private void onTrace() {
        openDialog.run();
    }

    @FXML
    private void onStop() {
        vm.stop();
    }

    @FXML
    private void onCheck() {
        vm.check();
    }

    @FXML
    private void onOwn() {
        vm.useOwnServer();
    }

    @Override
    public EventSink viewModel() {
        return vm;
    }

    @Override
    public void shutdown() {
        vm.checks().cancel();
    }

}
