package org.socketstage.ui.schematic;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.socketstage.ui.schematic.StageFrame.Tone;
import org.socketstage.ui.support.StateLook;

/** A drawn socket or client: a framed box with a title and one line, coloured by its tone. Clickable. */
final class FigureNode extends VBox {

    private static final Map<Tone, PseudoClass> TONES = new EnumMap<>(Tone.class);

    static {
        for (Tone t : Tone.values()) {
            TONES.put(t, PseudoClass.getPseudoClass("tone-" + t.name().toLowerCase(Locale.ROOT)));
        }
    }

    private final Label title = new Label();
    private final Label line = new Label();
    private Tone tone;

    /**
     * @param id the figure's CSS id, for the figures there is one of (the listener, the group); null for a row's
     *     figures, which are made anew for each connection: JavaFX caches the styles that match a node by its type,
     *     id and style classes, for as long as the scene has its stylesheets, so an id per connection added an
     *     entry that was never used again (one a connection, all class long) and cost each new figure a full
     *     match against every stylesheet
     */
    FigureNode(String id, String styleClass, FigureRef ref, SchematicViewModel vm) {
        if (id != null) {
            setId(id);
        }
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

    /** Shows the tone as a pseudo-class ({@code .schematic-figure:tone-ok}), changed only when it changes. */
    static void tone(javafx.scene.Node node, Tone was, Tone is) {
        StateLook.swap(node, was == null ? null : TONES.get(was), is == null ? null : TONES.get(is));
    }
}
