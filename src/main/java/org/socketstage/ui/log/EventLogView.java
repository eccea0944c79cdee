package org.socketstage.ui.log;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import org.socketstage.record.EventSpool;
import org.socketstage.ui.PaneController;
import org.socketstage.ui.support.OncePerPulse;
import org.socketstage.ui.support.PulseMirror;
import org.socketstage.ui.text.UiText;

/** Binds the event log: the table, the filters, copy (Ctrl+C and the context menu) and export. */
public final class EventLogView implements PaneController {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    @FXML private ResourceBundle resources;
    @FXML private TableView<LogRow> table;
    @FXML private TableColumn<LogRow, Long> seqColumn;
    @FXML private TableColumn<LogRow, String> timeColumn;
    @FXML private TableColumn<LogRow, String> actorColumn;
    @FXML private TableColumn<LogRow, String> callColumn;
    @FXML private TableColumn<LogRow, String> resultColumn;
    @FXML private TableColumn<LogRow, String> errnoColumn;
    @FXML private ComboBox<ActorFilter> actorFilter;
    @FXML private CheckBox errorsOnly;
    @FXML private CheckBox follow;
    @FXML private MenuButton exportButton;
    @FXML private Label countLabel;
    @FXML private Label droppedLabel;
    @FXML private Label exportStatus;

    private final EventLogViewModel viewModel;
    private final UiText text;
    private boolean momentMoved;
    private Function<EventSpool.Format, Path> exportTarget = this::askForExportFile;

    public EventLogView(EventLogViewModel viewModel, UiText text) {
        this.viewModel = viewModel;
        this.text = text;
    }

    @FXML
    private void initialize() {
        bindTable();
        actorFilter.setItems(viewModel.actorChoices());
        actorFilter.valueProperty().bindBidirectional(viewModel.actorFilterProperty());
        errorsOnly.selectedProperty().bindBidirectional(viewModel.errorsOnlyProperty());
        exportButton.disableProperty().bind(viewModel.exportAvailableProperty().not()
                .or(viewModel.exportingProperty()));
        exportStatus.textProperty().bind(viewModel.exportStatusProperty());
        droppedLabel.managedProperty().bind(droppedLabel.visibleProperty());
    }

    private void bindTable() {
        seqColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().seq()));
        timeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(EventLogViewModel.timeText(c.getValue().time())));
        actorColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().actor().label()));
        callColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().call()));
        resultColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().result()));
        errnoColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().errno()));
        PulseMirror<LogRow> shown = new PulseMirror<>(table, viewModel.shownRows());
        table.setItems(shown.items());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // every column inside the pane, errno too: at 1280x800 the pane is narrower than the columns' sum
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setRowFactory(t -> new LogTableRow(viewModel.momentProperty()));
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (COPY.match(e)) {
                copySelection();
                e.consume();
            }
        });
        OncePerPulse pulse = new OncePerPulse(table, this::followChanges);
        shown.items().addListener((ListChangeListener<LogRow>) c -> pulse.request());
        viewModel.droppedProperty().addListener((obs, old, n) -> pulse.request());
        viewModel.momentProperty().addListener((obs, old, seq) -> {
            momentMoved = true;
            pulse.request();
        });
        followChanges();
    }

    /** Once per pulse: the counts, the moment's highlight, and the scroll position follow the rows. */
    private void followChanges() {
        countLabel.setText(text.format("log.count", Integer.toString(table.getItems().size()),
                Integer.toString(viewModel.rows().size())));
        long dropped = viewModel.droppedProperty().get();
        droppedLabel.setText(text.format("log.dropped", Long.toString(dropped)));
        droppedLabel.setVisible(dropped > 0);
        if (momentMoved) {
            momentMoved = false;
            table.refresh();
        }
        int index = viewModel.shownIndexOfMoment();
        if (index >= 0) {
            table.scrollTo(Math.max(0, index - 3));
        } else if (follow.isSelected() && viewModel.momentProperty().get() < 0 && !viewModel.shownRows().isEmpty()) {
            table.scrollTo(viewModel.shownRows().size() - 1);
        }
    }

    @FXML
    void copySelection() {
        List<LogRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(viewModel.copyText(selected));
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void selectAll() {
        table.getSelectionModel().selectAll();
    }

    @FXML
    private void exportJsonLines() {
        export(EventSpool.Format.JSON_LINES);
    }

    @FXML
    private void exportStrace() {
        export(EventSpool.Format.STRACE);
    }

    /** Asks where to write the log in this format and writes it in the background (File menu, Export button). */
    public void export(EventSpool.Format format) {
        Path target = exportTarget.apply(format);
        if (target != null) {
            viewModel.export(format, target);
        }
    }

    private Path askForExportFile(EventSpool.Format format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get(format == EventSpool.Format.JSON_LINES ? "log.export.jsonl" : "log.export.strace"));
        chooser.setInitialFileName("socketstage-events." + format.extension());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                text.get(format == EventSpool.Format.JSON_LINES ? "log.export.jsonlFiles" : "log.export.textFiles"),
                "*." + format.extension()));
        File file = chooser.showSaveDialog(table.getScene().getWindow());
        return file == null ? null : file.toPath();
    }

    /** Replaces the save dialog, e.g. in tests where no native dialog can be driven. */
    void chooseExportTargetWith(Function<EventSpool.Format, Path> chooser) {
        this.exportTarget = chooser;
    }

    @Override
    public EventLogViewModel viewModel() {
        return viewModel;
    }

    @Override
    public void shutdown() {
        viewModel.shutdown();
    }
}
