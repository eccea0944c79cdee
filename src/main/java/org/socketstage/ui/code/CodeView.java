package org.socketstage.ui.code;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.socketstage.ui.PaneController;
import org.socketstage.ui.text.UiText;

/** Binds the code panel: the C and the Java listing, and the full text of the latest call. */
public final class CodeView implements PaneController {

    /** Lines kept visible above the current one when the panel scrolls to it. */
    private static final int CONTEXT_LINES = 4;

    @FXML private ResourceBundle resources;
    @FXML private ListView<CodeLine> cLines;
    @FXML private ListView<CodeLine> javaLines;
    @FXML private Label lastCall;

    private CodeViewModel viewModel;

    @FXML
    private void initialize() {
        viewModel = CodeViewModel.withBundledListings(new UiText(resources));
        bind(cLines, viewModel.c());
        bind(javaLines, viewModel.java());
        lastCall.textProperty().bind(viewModel.lastCallProperty());
    }

    private static void bind(ListView<CodeLine> view, ListingViewModel listing) {
        view.setItems(listing.lines());
        view.setCellFactory(v -> new CodeLineCell());
        view.setFocusTraversable(false);
        listing.currentLineProperty().addListener((obs, old, line) -> {
            if (line.intValue() > 0) {
                view.scrollTo(Math.max(0, line.intValue() - 1 - CONTEXT_LINES));
            }
        });
    }

    @Override
    public CodeViewModel viewModel() {
        return viewModel;
    }
}
