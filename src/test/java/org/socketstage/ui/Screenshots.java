package org.socketstage.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Renders a scene to target/screenshots/NAME.png (Scene.snapshot → BufferedImage → ImageIO). FX thread only. */
public final class Screenshots {

    public static final Path DIR = Path.of(System.getProperty("socketstage.screenshots", "target/screenshots"));

    private Screenshots() {}

    public static Path save(Scene scene, String name) throws IOException {
        WritableImage fx = scene.snapshot(null);
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pr = fx.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, pr.getArgb(x, y));
            }
        }
        Files.createDirectories(DIR);
        Path file = DIR.resolve(name + ".png");
        ImageIO.write(img, "png", file.toFile());
        return file;
    }
}
