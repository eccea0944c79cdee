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
        return load(fxml, null);
    }

    /**
     * Loads the FXML with {@code controller} as its controller, as the app's view factory would hand it over
     * (made by the test with its ViewModel); sub-views without a ViewModel of their own are made plainly.
     */
    public static <C> Loaded<C> load(String fxml, Object controller) {
        URL url = PaneLoader.class.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("FXML not found: " + fxml);
        }
        FXMLLoader loader = new FXMLLoader(url, org.socketstage.ui.text.UiText.load().bundle());
        loader.setControllerFactory(type -> {
            if (controller != null && type.isInstance(controller)) {
                return controller;
            }
            try {
                return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the test must make " + type.getName() + " with its ViewModel", e);
            }
        });
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
