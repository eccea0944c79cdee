package org.socketstage.ui.code;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;

/**
 * One source line: a gutter with the line number and a marker, the code, and the result beside it. The
 * marker and the result text say what the colour says, for students who cannot tell the colours apart.
 */
final class CodeLineCell extends ListCell<CodeLine> {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass CHECK_FIRED = PseudoClass.getPseudoClass("check-fired");
    private static final PseudoClass SIMULATED = PseudoClass.getPseudoClass("simulated");

    private final Label marker = new Label();
    private final Label number = new Label();
    private final Label code = new Label();
    private final Label annotation = new Label();
    private final HBox row = new HBox(marker, number, code, annotation);

    CodeLineCell() {
        getStyleClass().add("code-line");
        marker.getStyleClass().add("code-marker");
        number.getStyleClass().add("code-number");
        code.getStyleClass().add("code-text");
        annotation.getStyleClass().add("code-annotation");
        for (Label l : new Label[] {marker, number, code, annotation}) {
            l.setMinWidth(Label.USE_PREF_SIZE);
        }
        setText(null);
    }

    @Override
    protected void updateItem(CodeLine line, boolean empty) {
        super.updateItem(line, empty);
        boolean show = !empty && line != null;
        setGraphic(show ? row : null);
        pseudoClassStateChanged(CURRENT, show && line.current());
        pseudoClassStateChanged(FAILED, show && line.failed());
        pseudoClassStateChanged(CHECK_FIRED, show && line.checkFired());
        pseudoClassStateChanged(SIMULATED, show && line.simulated());
        if (!show) {
            return;
        }
        marker.setText(line.checkFired() ? "✗" : line.current() ? "▶" : " ");
        number.setText(Integer.toString(line.number()));
        code.setText(line.text().isEmpty() ? " " : line.text());
        annotation.setText(line.annotation() == null ? "" : line.annotation());
        annotation.setVisible(line.annotation() != null);
    }
}
