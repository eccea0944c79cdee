package org.socketstage.ui.code;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.socketstage.ui.PaneController;
import org.socketstage.ui.support.OncePerPulse;
import org.socketstage.ui.support.PulseMirror;
import org.socketstage.ui.text.UiText;

/** Binds the code panel: the C and the Java listing, and the full text of the latest call. */
public final class CodeView implements PaneController {

    /** Lines kept visible above the current one when the panel scrolls to it. */
    private static final int CONTEXT_LINES = 4;

    @FXML private ResourceBundle resources;
    @FXML private ListView<CodeLine> cLines;
    @FXML private ListView<CodeLine> javaLines;
    @FXML private Label lastCall;

    private final CodeViewModel viewModel;

    public CodeView(CodeViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        bind(cLines, viewModel.c());
        bind(javaLines, viewModel.java());
        // the text of the latest call changes with every event; showing it once per frame is enough
        OncePerPulse showLastCall = new OncePerPulse(lastCall, () -> lastCall.setText(viewModel.lastCall()));
        viewModel.lastCallProperty().addListener((obs, old, now) -> showLastCall.request());
        lastCall.setText(viewModel.lastCall());
    }

    private static void bind(ListView<CodeLine> view, ListingViewModel listing) {
        view.setItems(new PulseMirror<>(view, listing.lines()).items());
        view.setCellFactory(v -> new CodeLineCell());
        view.setFocusTraversable(false);
        OncePerPulse scroll = new OncePerPulse(view, () -> {
            int line = listing.currentLine();
            if (line > 0) {
                view.scrollTo(Math.max(0, line - 1 - CONTEXT_LINES));
            }
        });
        listing.currentLineProperty().addListener((obs, old, line) -> scroll.request());
        // the pane is built when its tab is first shown, maybe long after the server got where it is
        scroll.request();
    }

    @Override
    public CodeViewModel viewModel() {
        return viewModel;
    }
}
