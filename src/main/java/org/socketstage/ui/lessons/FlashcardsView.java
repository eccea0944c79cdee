package org.socketstage.ui.lessons;

import org.socketstage.ui.text.UiText;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.socketstage.lessons.Flashcard;

/** Flashcard mode: one card, the question first; Flip (or a click on the card) shows the answer. */
public final class FlashcardsView {

    @FXML private Label counter;
    @FXML private StackPane card;
    @FXML private Label side;
    @FXML private Label front;
    @FXML private VBox back;
    @FXML private Button previous;
    @FXML private Button flip;
    @FXML private Button next;

    private FlashcardDeck deck;
    private MarkdownRenderer markdown;
    private UiText texts;

    void bind(FlashcardDeck deck, MarkdownRenderer markdown, UiText texts) {
        this.deck = deck;
        this.markdown = markdown;
        this.texts = texts;
        boolean none = deck.size() == 0;
        previous.setDisable(none);
        flip.setDisable(none);
        next.setDisable(none);
        deck.indexProperty().addListener((o, a, b) -> refresh());
        deck.flippedProperty().addListener((o, a, b) -> refresh());
        card.setOnMouseClicked(e -> deck.flip());
        refresh();
    }

    @FXML
    private void onPrevious() {
        deck.previous();
    }

    @FXML
    private void onFlip() {
        deck.flip();
    }

    @FXML
    private void onNext() {
        deck.next();
    }

    private void refresh() {
        Flashcard c = deck.current().get();
        if (c == null) {
            counter.setText(texts.get("lessons.cards.none"));
            side.setText("");
            front.setText("");
            back.getChildren().clear();
            return;
        }
        boolean flipped = deck.flippedProperty().get();
        counter.setText(texts.format("lessons.cards.counter", deck.indexProperty().get() + 1, deck.size()));
        side.setText(texts.get(flipped ? "lessons.cards.answer" : "lessons.cards.question"));
        front.setText(c.front());
        back.getChildren().setAll(flipped ? markdown.render(c.back()) : new Label(texts.get("lessons.cards.hint")));
        flip.setText(texts.get(flipped ? "lessons.cards.flip.back" : "lessons.cards.flip"));
        card.getStyleClass().removeAll("card-front", "card-back");
        card.getStyleClass().add(flipped ? "card-back" : "card-front");
    }
}
