package org.socketstage.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.socketstage.BuildInfo;
import org.socketstage.ui.text.UiText;

/**
 * Help → About: which SocketStage this is (version and source revision, the same as {@code --version}), its
 * licence, what it runs on, and the licence of every library it ships. IT staff read this to know what a lab
 * machine has installed.
 */
final class AboutDialog {

    private AboutDialog() {}

    static Alert show(Window owner, UiText texts, String stylesheet, String socketLayer) {
        BuildInfo build = BuildInfo.current();
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(texts.get("about.title"));
        alert.setHeaderText(texts.format("about.header", build.version()));
        alert.setGraphic(new ImageView(Resources.url(AppIcon.path(64)).toExternalForm()));

        Label revision = wrapped(texts.format("about.revision", build.revisionText()), "about-revision");
        Label licence = wrapped(texts.get("about.licence"), "about-licence");
        Label runtime = wrapped(texts.format("about.runtime",
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vendor", "?"),
                System.getProperty("javafx.runtime.version", "?"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                socketLayer, texts.get(RenderingChoice.current() == RenderingChoice.Choice.SOFTWARE_NO_GPU
                        ? "about.renderer.software" : "about.renderer.default")), "about-runtime");
        Label librariesTitle = wrapped(texts.get("about.libraries"), "about-libraries-title");
        TextArea libraries = new TextArea(BuildInfo.thirdPartyLicences());
        libraries.setId("about-libraries");
        libraries.getStyleClass().add("about-libraries");
        libraries.setEditable(false);
        libraries.setPrefRowCount(12);

        VBox content = new VBox(8, revision, licence, runtime, librariesTitle, libraries);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("about-dialog");
        alert.getDialogPane().getStylesheets().add(stylesheet);
        alert.getDialogPane().setPrefWidth(760);
        alert.setResizable(true);
        alert.show();
        return alert;
    }

    private static Label wrapped(String text, String id) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        return label;
    }
}
