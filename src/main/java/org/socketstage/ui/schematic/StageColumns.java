package org.socketstage.ui.schematic;

/**
 * Where the stage's two columns stand: the server process on the left, the clients on the right, the network
 * between them. Measured in the font's size (em), so the picture keeps its proportions at any zoom.
 */
final class StageColumns {

    double em = 13;
    double pad;
    double inset;
    double serverX;
    double serverW;
    double clientX;
    double clientW;

    /** Divides a stage of width {@code w} for this font size. */
    void measure(double w, double fontPx) {
        em = Math.max(8, fontPx);
        pad = 0.4 * em;
        inset = 0.6 * em;
        serverW = clamp(w * 0.37, 15 * em, 30 * em);
        clientW = clamp(w * 0.35, 14 * em, 28 * em);
        double corridor = 7 * em;
        if (serverW + clientW + corridor + 2 * pad > w) {
            double scale = Math.max(0.3, (w - corridor - 2 * pad) / (serverW + clientW));
            serverW *= scale;
            clientW *= scale;
        }
        serverX = pad;
        clientX = w - pad - clientW;
    }

    /** Width of a figure inside the server's column. */
    double serverFigureW() {
        return serverW - 2 * inset;
    }

    double clientFigureW() {
        return clientW - 2 * inset;
    }

    /** The network between the columns, where packets fly. */
    double corridorX() {
        return serverX + serverW;
    }

    double corridorW() {
        return Math.max(0, clientX - corridorX());
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
