package org.socketstage.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/**
 * The one way tests save a picture for a person to look at: a node or a whole scene rendered to
 * target/screenshots/NAME.png (Scene.snapshot → BufferedImage → ImageIO; no javafx-swing). FX thread only.
 */
public final class PaneSnapshots {

    /** Where the pictures go; {@code -Dsocketstage.screenshots=…} (or {@code -Dscreenshots.dir=…}) puts them elsewhere. */
    public static final Path DIR = Path.of(System.getProperty("socketstage.screenshots",
            System.getProperty("screenshots.dir", "target/screenshots")));

    private PaneSnapshots() {}

    public static Path save(Node node, String name) {
        return write(node.snapshot(null, null), name);
    }

    public static Path save(Scene scene, String name) {
        return write(scene.snapshot(null), name);
    }

    private static Path write(Image image, String name) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader px = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, px.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(name + ".png");
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
