package org.socketstage.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Finds FXML, CSS and other class path resources, failing at once with the path it looked for. */
public final class Resources {

    private Resources() {}

    /** A loaded FXML file: its root node and its controller. */
    public record Loaded<C>(Parent root, C controller) {}

    public static boolean exists(String path) {
        return Resources.class.getResource(absolute(path)) != null;
    }

    public static URL url(String path) {
        URL url = Resources.class.getResource(absolute(path));
        if (url == null) {
            throw new IllegalStateException("Resource not found on the class path: " + absolute(path));
        }
        return url;
    }

    public static String stylesheet(String path) {
        return url(path).toExternalForm();
    }

    public static <C> Loaded<C> fxml(String path, ResourceBundle bundle) {
        FXMLLoader loader = new FXMLLoader(url(path), bundle);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + absolute(path) + ": " + e.getMessage(), e);
        }
    }

    private static String absolute(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }
}
