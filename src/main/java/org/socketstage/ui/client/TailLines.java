package org.socketstage.ui.client;

import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The newest few lines of a list as plain labels. Cards use this instead of a ListView each: with 32 cards,
 * 64 virtualised lists cost far more layout and CSS work than a handful of labels.
 */
final class TailLines<T> extends VBox {

    static final int SHOWN = 5;

    private final ObservableList<T> source;
    private final Function<T, String> words;
    private final Label[] lines = new Label[SHOWN];

    TailLines(ObservableList<T> source, Function<T, String> words, String styleClass) {
        this.source = source;
        this.words = words;
        getStyleClass().addAll("tail-lines", styleClass);
        for (int i = 0; i < SHOWN; i++) {
            lines[i] = new Label();
            lines[i].getStyleClass().add("tail-line");
            lines[i].setMaxWidth(Double.MAX_VALUE);
            getChildren().add(lines[i]);
        }
        source.addListener((ListChangeListener<T>) c -> refresh());
        refresh();
    }

    private void refresh() {
        int size = source.size();
        int first = Math.max(0, size - SHOWN);
        for (int i = 0; i < SHOWN; i++) {
            int index = first + i;
            lines[i].setText(index < size ? words.apply(source.get(index)) : "");
        }
    }
}
