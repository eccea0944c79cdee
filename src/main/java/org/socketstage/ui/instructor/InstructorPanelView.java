package org.socketstage.ui.instructor;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;
import org.socketstage.instructor.Fault;
import org.socketstage.instructor.FaultCard;
import org.socketstage.instructor.Origin;
import org.socketstage.event.Step;
import org.socketstage.ui.EventSink;
import org.socketstage.ui.PaneController;

/** Binds the instructor panel's FXML to its ViewModel and forwards the buttons; no logic of its own. */
public final class InstructorPanelView implements PaneController {

    @FXML private ResourceBundle resources;
    @FXML private BorderPane root;
    @FXML private ListView<Fault> faultList;
    @FXML private javafx.scene.layout.VBox header;
    @FXML private Label cardTitle;
    @FXML private Label badge;
    @FXML private Label originLabel;
    @FXML private Label watchText;
    @FXML private Label errnoText;
    @FXML private Label checkText;
    @FXML private Label recoverText;
    @FXML private FlowPane anyErrnoBox;
    @FXML private ChoiceBox<Step> stageChoice;
    @FXML private ComboBox<String> errnoChoice;
    @FXML private Button setUpButton;
    @FXML private Button followUpButton;
    @FXML private Button undoButton;
    @FXML private Label statusLabel;
    @FXML private TextArea progressArea;
    @FXML private Label lastFailureLabel;

    private final InstructorPanelViewModel vm;

    public InstructorPanelView(InstructorPanelViewModel vm) {
        this.vm = vm;
    }

    /** Below this width the list of faults goes above the card, so the card keeps the panel's whole width. */
    static final double NARROW = 760;

    private void placeList(boolean narrow) {
        boolean onTop = header.getChildren().contains(faultList);
        if (narrow == onTop) {
            return;
        }
        if (narrow) {
            root.setLeft(null);
            faultList.getStyleClass().add("instructor-faults-top");
            header.getChildren().add(faultList);
        } else {
            header.getChildren().remove(faultList);
            faultList.getStyleClass().remove("instructor-faults-top");
            root.setLeft(faultList);
        }
    }

    @FXML
    private void initialize() {
        root.widthProperty().addListener((o, was, w) -> placeList(w.doubleValue() < NARROW));
        // beside the card, the list takes at most a third of the panel: the card is what the class reads
        faultList.prefWidthProperty().bind(javafx.beans.binding.Bindings.min(360, root.widthProperty().multiply(0.34)));
        faultList.setItems(vm.faults());
        faultList.setCellFactory(list -> new FaultCell());
        faultList.getSelectionModel().select(vm.selectedProperty().get());
        faultList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> faultList.getSelectionModel().select(now));
        vm.setUpFaults().addListener((SetChangeListener<Fault>) change -> faultList.refresh());

        cardTitle.textProperty().bind(Bindings.createStringBinding(() -> part(vm.cardProperty().get(), 0), vm.cardProperty()));
        watchText.textProperty().bind(Bindings.createStringBinding(() -> part(vm.cardProperty().get(), 1), vm.cardProperty()));
        errnoText.textProperty().bind(Bindings.createStringBinding(() -> part(vm.cardProperty().get(), 2), vm.cardProperty()));
        checkText.textProperty().bind(Bindings.createStringBinding(() -> part(vm.cardProperty().get(), 3), vm.cardProperty()));
        recoverText.textProperty().bind(Bindings.createStringBinding(() -> part(vm.cardProperty().get(), 4), vm.cardProperty()));
        originLabel.textProperty().bind(vm.originTextProperty());
        badge.textProperty().bind(vm.badgeTextProperty());
        vm.simulatedProperty().addListener((o, was, now) -> styleBadge(now));
        styleBadge(vm.simulatedProperty().get());

        anyErrnoBox.visibleProperty().bind(vm.anyErrnoSelectedProperty());
        anyErrnoBox.managedProperty().bind(vm.anyErrnoSelectedProperty());
        stageChoice.setItems(vm.choosableStages());
        stageChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Step s) {
                return s == null ? "" : s.label();
            }

            @Override
            public Step fromString(String text) {
                return null;
            }
        });
        stageChoice.valueProperty().bindBidirectional(vm.chosenStageProperty());
        errnoChoice.setItems(vm.errnoNames());
        errnoChoice.valueProperty().bindBidirectional(vm.chosenErrnoProperty());

        followUpButton.textProperty().bind(vm.followUpTextProperty());
        followUpButton.visibleProperty().bind(vm.followUpAvailableProperty());
        followUpButton.managedProperty().bind(vm.followUpAvailableProperty());
        setUpButton.disableProperty().bind(vm.busyProperty().or(vm.connectedProperty().not()));
        followUpButton.disableProperty().bind(vm.busyProperty().or(vm.connectedProperty().not()));
        undoButton.disableProperty().bind(vm.connectedProperty().not());
        statusLabel.textProperty().bind(vm.statusProperty());
        progressArea.textProperty().bind(vm.progressProperty());
        lastFailureLabel.textProperty().bind(vm.lastFailureProperty());
    }

    private static String part(FaultCard c, int index) {
        if (c == null) {
            return "";
        }
        return switch (index) {
            case 0 -> c.title();
            case 1 -> c.watchFor();
            case 2 -> c.errno();
            case 3 -> c.check();
            default -> c.recovery();
        };
    }

    private void styleBadge(boolean simulated) {
        badge.getStyleClass().removeAll("real", "simulated");
        badge.getStyleClass().add(simulated ? "simulated" : "real");
    }

    @FXML
    private void onSetUp() {
        vm.setUpSelected();
    }

    @FXML
    private void onFollowUp() {
        vm.followUpSelected();
    }

    @FXML
    private void onUndo() {
        vm.undoSelected();
    }

    @Override
    public EventSink viewModel() {
        return vm;
    }

    /** The panel's ViewModel with its full API (e.g. missingCheckProperty() for the code panel). */
    public InstructorPanelViewModel panel() {
        return vm;
    }

    @Override
    public void shutdown() {
        vm.shutdown();
    }

    private final class FaultCell extends ListCell<Fault> {
        @Override
        protected void updateItem(Fault fault, boolean empty) {
            super.updateItem(fault, empty);
            getStyleClass().remove("simulated-tag");
            if (empty || fault == null) {
                setText(null);
                return;
            }
            boolean isSetUp = vm.setUpFaults().contains(fault);
            setText(vm.titleOf(fault) + "  · " + vm.tagOf(fault)
                    + (isSetUp ? "  " + vm.setUpMarker() : ""));
            if (fault.origin() != Origin.REAL) {
                getStyleClass().add("simulated-tag");
            }
        }
    }
}
