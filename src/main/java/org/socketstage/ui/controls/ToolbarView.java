package org.socketstage.ui.controls;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import org.socketstage.settings.PacingMode;
import org.socketstage.ui.PresentationViewModel;
import org.socketstage.ui.text.UiText;

/** Controller of fxml/controls/ToolbarView.fxml: forwards button presses, binds enabled states and labels. */
public final class ToolbarView {

    @FXML private ToolBar toolbar;
    @FXML private Button startButton;
    @FXML private Button stepButton;
    @FXML private Button runButton;
    @FXML private Button pauseButton;
    @FXML private Button liveButton;
    @FXML private Button stopButton;
    @FXML private Slider delaySlider;
    @FXML private Label delayLabel;
    @FXML private Label modeLabel;
    @FXML private ToggleButton darkToggle;
    @FXML private Label zoomLabel;
    @FXML private HBox viewControls;

    private final ServerControlViewModel control;
    private final PresentationViewModel presentation;
    private final UiText texts;
    private final Runnable help;

    public ToolbarView(ServerControlViewModel control, PresentationViewModel presentation, UiText texts, Runnable help) {
        this.control = control;
        this.presentation = presentation;
        this.texts = texts;
        this.help = help;
    }

    @FXML
    private void initialize() {
        // at a large zoom the toolbar moves whole buttons into its overflow menu instead of shortening them to "..."
        toolbar.getItems().forEach(n -> {
            if (n instanceof Labeled l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        viewControls.getChildren().forEach(n -> {
            if (n instanceof Labeled l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        startButton.disableProperty().bind(control.canStartProperty().not());
        pauseButton.disableProperty().bind(control.serverActiveProperty().not());
        stopButton.disableProperty().bind(control.serverActiveProperty().not());
        stepButton.disableProperty().bind(control.serverActiveProperty().not().and(control.canStartProperty().not()));
        runButton.disableProperty().bind(stepButton.disableProperty());
        liveButton.disableProperty().bind(stepButton.disableProperty());
        delaySlider.setAccessibleText(texts.get("toolbar.delay"));
        delaySlider.setMin(ServerControlViewModel.MIN_DELAY_MS);
        delaySlider.setMax(ServerControlViewModel.MAX_DELAY_MS);
        delaySlider.valueProperty().bindBidirectional(control.delayMillisProperty());
        delayLabel.textProperty().bind(Bindings.createStringBinding(
                () -> texts.format("toolbar.delay.value", Math.round(control.delayMillisProperty().get())),
                control.delayMillisProperty()));
        modeLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            PacingMode m = control.modeProperty().get();
            String mode = texts.get("toolbar.mode." + m.name());
            String phase = texts.get("toolbar.phase." + control.phaseProperty().get().name());
            return control.pausedProperty().get()
                    ? texts.format("toolbar.modeLine.paused", mode, phase)
                    : texts.format("toolbar.modeLine", mode, phase);
        }, control.modeProperty(), control.pausedProperty(), control.phaseProperty()));
        darkToggle.setSelected(presentation.themeProperty().get() == PresentationViewModel.Theme.DARK);
        darkToggle.selectedProperty().addListener((o, a, dark) -> presentation.themeProperty().set(
                dark ? PresentationViewModel.Theme.DARK : PresentationViewModel.Theme.LIGHT));
        presentation.themeProperty().addListener(
                (o, a, t) -> darkToggle.setSelected(t == PresentationViewModel.Theme.DARK));
        zoomLabel.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(presentation.zoomProperty().get() * 100) + " %", presentation.zoomProperty()));
    }

    @FXML
    private void onStart() {
        control.start();
    }

    @FXML
    private void onStep() {
        control.step();
    }

    @FXML
    private void onRun() {
        control.run();
    }

    @FXML
    private void onPause() {
        control.pause();
    }

    @FXML
    private void onLive() {
        control.live();
    }

    @FXML
    private void onStop() {
        control.stop();
    }

    @FXML
    private void onZoomIn() {
        presentation.zoomIn();
    }

    @FXML
    private void onZoomOut() {
        presentation.zoomOut();
    }

    @FXML
    private void onHelp() {
        help.run();
    }
}
