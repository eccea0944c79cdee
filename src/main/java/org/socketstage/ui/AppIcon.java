package org.socketstage.ui;

import java.util.List;
import javafx.scene.image.Image;

/**
 * The application's icon (src/main/packaging/icon/socketstage.svg, rendered to PNG) in the sizes a window
 * manager picks from: title bar, task switcher, dock.
 */
final class AppIcon {

    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcon() {}

    static String path(int size) {
        return "icons/socketstage-" + size + ".png";
    }

    /** One image per size; fails at once, naming the file, if one is missing. */
    static List<Image> images() {
        return SIZES.stream().map(size -> new Image(Resources.url(path(size)).toExternalForm())).toList();
    }
}
