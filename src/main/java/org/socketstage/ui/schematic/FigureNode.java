package org.socketstage.ui.schematic;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.socketstage.ui.schematic.StageFrame.Tone;

/** A drawn socket or client: a framed box with a title and one line, coloured by its tone. Clickable. */
final class FigureNode extends VBox {

    private final Label title = new Label();
    private final Label line = new Label();
    private Tone tone;

    FigureNode(String id, String styleClass, FigureRef ref, SchematicViewModel vm) {
        setId(id);
        getStyleClass().addAll("schematic-figure", styleClass);
        title.getStyleClass().add("schematic-figure-title");
        line.getStyleClass().add("schematic-figure-line");
        title.setMinWidth(0);
        line.setMinWidth(0);
        getChildren().addAll(title, line);
        setOnMouseClicked(e -> {
            vm.select(ref);
            e.consume();
        });
        setUserData(ref);
    }

    void show(String titleText, String lineText, Tone newTone) {
        if (!titleText.equals(title.getText())) {
            title.setText(titleText);
        }
        if (!lineText.equals(line.getText())) {
            line.setText(lineText);
        }
        tone(this, tone, newTone);
        tone = newTone;
    }

    Label titleLabel() {
        return title;
    }

    Label lineLabel() {
        return line;
    }

    /** Swaps the tone's style class only when it changed: restyling costs more than comparing. */
    static void tone(javafx.scene.Node node, Tone was, Tone is) {
        if (was == is) {
            return;
        }
        if (was != null) {
            node.getStyleClass().remove(toneClass(was));
        }
        if (is != null) {
            node.getStyleClass().add(toneClass(is));
        }
    }

    static String toneClass(Tone tone) {
        return "schematic-tone-" + tone.name().toLowerCase(Locale.ROOT);
    }
}
