package org.socketstage.ui.schematic;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.socketstage.ui.PaneController;
import org.socketstage.ui.text.UiText;

/**
 * Controller of fxml/schematic/SchematicView.fxml: puts the drawn stage in its place and binds the reduce-motion
 * switch, the details card and the caption line to {@link SchematicViewModel}.
 */
public final class SchematicView implements PaneController {

    @FXML private ResourceBundle resources;
    @FXML private BorderPane root;
    @FXML private StackPane holder;
    @FXML private CheckBox reduceMotion;
    @FXML private VBox detailsCard;
    @FXML private Label detailsTitle;
    @FXML private Label detailsText;
    @FXML private Label caption;
    @FXML private Label disclaimer;

    private final SchematicViewModel viewModel;
    private StagePane stage;

    /** The view factory hands the view its ViewModel. */
    public SchematicView(SchematicViewModel viewModel) {
        this.viewModel = java.util.Objects.requireNonNull(viewModel);
    }

    @FXML
    private void initialize() {
        UiText text = new UiText(resources);
        stage = new StagePane(viewModel, text);
        holder.getChildren().add(0, stage);
        reduceMotion.selectedProperty().bindBidirectional(viewModel.reduceMotionProperty());
        reduceMotion.setTooltip(new Tooltip(text.get("schematic.reduceMotion.tip")));
        disclaimer.setTooltip(new Tooltip(text.get("schematic.disclaimer.tip")));
        detailsCard.visibleProperty().bind(viewModel.detailsProperty().isNotNull());
        detailsTitle.textProperty().bind(Bindings.createStringBinding(() -> viewModel.detailsProperty().get() == null
                ? "" : viewModel.detailsProperty().get().title(), viewModel.detailsProperty()));
        detailsText.textProperty().bind(Bindings.createStringBinding(() -> viewModel.detailsProperty().get() == null
                ? "" : String.join("\n", viewModel.detailsProperty().get().lines()), viewModel.detailsProperty()));
        String hint = text.get("schematic.hint");
        caption.textProperty().bind(Bindings.createStringBinding(() -> {
            StageFrame f = viewModel.frameProperty().get();
            return f == null || f.caption().isEmpty() ? hint : f.caption();
        }, viewModel.frameProperty()));
        viewModel.frameProperty().addListener((o, was, is) -> stage.show(is));
        stage.show(viewModel.frame());
    }

    @FXML
    private void onCloseDetails() {
        viewModel.select(null);
    }

    @Override
    public SchematicViewModel viewModel() {
        return viewModel;
    }

    /** Stops the envelopes' timer. */
    @Override
    public void shutdown() {
        stage.stop();
    }

    /** True while envelopes are moving (tests check that an idle stage runs no timer). */
    boolean animating() {
        return stage.flying();
    }

    /** True while the stage draws its rows compact (it is too short for five roomy ones). */
    boolean compactRows() {
        return stage.compact();
    }
}
