package org.socketstage.ui.lessons;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.socketstage.lessons.Flashcard;

/** Flashcards one at a time: the front first, flip for the back; next and previous wrap around. */
final class FlashcardDeck {

    private final List<Flashcard> cards;
    private final IntegerProperty index = new SimpleIntegerProperty(0);
    private final BooleanProperty flipped = new SimpleBooleanProperty(false);
    private final ObjectBinding<Flashcard> current;

    FlashcardDeck(List<Flashcard> cards) {
        this.cards = List.copyOf(cards);
        this.current = Bindings.createObjectBinding(
                () -> this.cards.isEmpty() ? null : this.cards.get(index.get()), index);
    }

    int size() {
        return cards.size();
    }

    ReadOnlyIntegerProperty indexProperty() {
        return index;
    }

    ReadOnlyBooleanProperty flippedProperty() {
        return flipped;
    }

    /** The card shown, or null when there are none. */
    ObjectBinding<Flashcard> current() {
        return current;
    }

    void flip() {
        if (!cards.isEmpty()) {
            flipped.set(!flipped.get());
        }
    }

    void next() {
        move(1);
    }

    void previous() {
        move(-1);
    }

    private void move(int by) {
        if (cards.isEmpty()) {
            return;
        }
        flipped.set(false);
        index.set(Math.floorMod(index.get() + by, cards.size()));
    }
}
