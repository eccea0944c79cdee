package org.socketstage.ui;

import org.socketstage.ui.text.UiText;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Lists the keyboard shortcuts and what the colours and icons mean. */
final class HelpDialog {

    private HelpDialog() {}

    static Alert show(Window owner, UiText texts, String stylesheet) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, texts.get("help.text"), ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(texts.get("help.title"));
        alert.setHeaderText(texts.get("help.header"));
        alert.getDialogPane().setId("help-dialog");
        alert.getDialogPane().getStylesheets().add(stylesheet);
        alert.getDialogPane().setMinWidth(520);
        alert.show();
        return alert;
    }
}
