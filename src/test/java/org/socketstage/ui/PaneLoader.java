package org.socketstage.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads one pane's FXML with the application's bundle, as the main window's fx:include would. */
public final class PaneLoader {

    public record Loaded<C>(Parent root, C controller) {}

    private PaneLoader() {}

    public static <C> Loaded<C> load(String fxml) {
        URL url = PaneLoader.class.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("FXML not found: " + fxml);
        }
        FXMLLoader loader = new FXMLLoader(url, ResourceBundle.getBundle("i18n.messages"));
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
