package org.socketstage.ui.lessons;

import org.socketstage.ui.text.UiText;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.socketstage.lessons.GlossaryTerm;

/** The searchable glossary: type to filter, pick a term to read its definition. */
public final class GlossaryView {

    @FXML private TextField search;
    @FXML private Label count;
    @FXML private ListView<GlossaryTerm> terms;
    @FXML private Label termTitle;
    @FXML private VBox definition;

    private GlossarySearch glossary;
    private MarkdownRenderer markdown;
    private UiText texts;

    @FXML
    private void initialize() {
        terms.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(GlossaryTerm item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.term());
            }
        });
    }

    void bind(GlossarySearch glossary, MarkdownRenderer markdown, UiText texts) {
        this.glossary = glossary;
        this.markdown = markdown;
        this.texts = texts;
        search.setText(glossary.queryProperty().get());
        search.textProperty().addListener((o, a, q) -> glossary.queryProperty().set(q));
        terms.setItems(glossary.matches());
        glossary.matches().addListener((javafx.collections.ListChangeListener<GlossaryTerm>) c -> refreshCount());
        terms.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) {
                glossary.selectedProperty().set(t);
            }
        });
        glossary.selectedProperty().addListener((o, a, t) -> showTerm(t));
        refreshCount();
        showTerm(glossary.selectedProperty().get());
    }

    private void refreshCount() {
        count.setText(texts.format("lessons.glossary.count", glossary.matches().size(), glossary.total()));
    }

    private void showTerm(GlossaryTerm t) {
        if (t != null && terms.getSelectionModel().getSelectedItem() != t) {
            terms.getSelectionModel().select(t);
            terms.scrollTo(t);
        }
        termTitle.setText(t == null ? texts.get("lessons.glossary.nothing") : t.term());
        definition.getChildren().setAll(t == null ? new Label() : markdown.render(t.definition()));
    }
}
