package org.socketstage.ui;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;

/**
 * Where the window opens: the size and place it had last time, as long as they fit the screens there are now.
 * A window saved on a projector that is gone opens centred on the main screen instead of out of sight, and a
 * size saved on a big screen (or the 1280x800 default on a 1366x768 laptop) shrinks to the screen it opens on.
 *
 * @param x the left edge, NaN to centre the window on the main screen
 * @param y the top edge, NaN likewise
 */
record WindowPlace(double width, double height, double x, double y) {

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 480;
    /** How much of the title bar must be on a screen for the saved place to count: enough to grab it. */
    private static final double GRIP = 80;

    boolean centred() {
        return Double.isNaN(x) || Double.isNaN(y);
    }

    /**
     * @param savedWidth  the width saved last time, or NaN for none (the same for the other saved values)
     * @param screens     the visual bounds of every screen there is now (the task bars left out)
     * @param primary     the visual bounds of the main screen
     */
    static WindowPlace choose(double savedWidth, double savedHeight, double savedX, double savedY,
            List<Rectangle2D> screens, Rectangle2D primary) {
        double wanted = usable(savedWidth) ? savedWidth : DEFAULT_WIDTH;
        double wantedHeight = usable(savedHeight) ? savedHeight : DEFAULT_HEIGHT;
        Optional<Rectangle2D> holding = Double.isNaN(savedX) || Double.isNaN(savedY) ? Optional.empty()
                : screens.stream().filter(s -> gripOn(s, savedX, savedY, wanted)).findFirst();
        Rectangle2D screen = holding.orElse(primary);
        double width = fit(wanted, MIN_WIDTH, screen.getWidth());
        double height = fit(wantedHeight, MIN_HEIGHT, screen.getHeight());
        if (holding.isEmpty()) {
            return new WindowPlace(width, height, Double.NaN, Double.NaN);
        }
        // on the screen it was on; moved in if the shrunken size would still hang over its right or bottom edge
        double x = Math.max(screen.getMinX(), Math.min(savedX, screen.getMaxX() - width));
        double y = Math.max(screen.getMinY(), Math.min(savedY, screen.getMaxY() - height));
        return new WindowPlace(width, height, x, y);
    }

    private static boolean usable(double size) {
        return !Double.isNaN(size) && !Double.isInfinite(size) && size > 0;
    }

    /** The saved size, no bigger than the screen, and no smaller than the minimum unless the screen is. */
    private static double fit(double wanted, double minimum, double screen) {
        return Math.min(Math.max(wanted, minimum), screen);
    }

    /** True when a stretch of the title bar at least {@link #GRIP} wide lies on {@code screen}. */
    private static boolean gripOn(Rectangle2D screen, double x, double y, double width) {
        double left = Math.max(x, screen.getMinX());
        double right = Math.min(x + width, screen.getMaxX());
        return y >= screen.getMinY() && y + 10 <= screen.getMaxY() && right - left >= Math.min(GRIP, width);
    }
}
