package org.socketstage.ui.schematic;

import javafx.animation.FadeTransition;
import javafx.animation.Interpolator;
import javafx.animation.ParallelTransition;
import javafx.animation.ScaleTransition;
import javafx.animation.TranslateTransition;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * The stage's few object transitions. Each runs once, for at most one call's budget, and is skipped when the
 * budget is 0 (reduce motion, a rebuilt picture): nothing on the stage ever animates on its own.
 */
final class Motion {

    private Motion() {}

    private static Duration of(long nanos) {
        return Duration.millis(nanos / 1_000_000.0);
    }

    /** socket() made it: the figure grows in. */
    static void appear(Node n, long nanos) {
        if (nanos <= 0) {
            return;
        }
        FadeTransition fade = new FadeTransition(of(nanos), n);
        fade.setFromValue(0);
        fade.setToValue(1);
        ScaleTransition grow = new ScaleTransition(of(nanos), n);
        grow.setFromX(0.6);
        grow.setFromY(0.6);
        grow.setToX(1);
        grow.setToY(1);
        new ParallelTransition(fade, grow).play();
    }

    /** Fades the node out, then runs {@code gone} (at once when there is no time for it). */
    static void vanish(Node n, long nanos, Runnable gone) {
        if (nanos <= 0) {
            gone.run();
            return;
        }
        FadeTransition fade = new FadeTransition(of(nanos), n);
        fade.setToValue(0);
        fade.setOnFinished(e -> gone.run());
        fade.play();
    }

    /** bind() attaches the address: the label slides onto the socket. */
    static void slideIn(Node n, double dx, long nanos) {
        if (nanos <= 0) {
            return;
        }
        TranslateTransition slide = new TranslateTransition(of(nanos), n);
        slide.setFromX(dx);
        slide.setToX(0);
        slide.setInterpolator(Interpolator.EASE_OUT);
        FadeTransition fade = new FadeTransition(of(nanos), n);
        fade.setFromValue(0);
        fade.setToValue(1);
        new ParallelTransition(slide, fade).play();
    }

    /** A slot just filled: a short pop. */
    static void pop(Node n, long nanos) {
        if (nanos <= 0) {
            return;
        }
        ScaleTransition pop = new ScaleTransition(of(Math.min(nanos, 400_000_000L)), n);
        pop.setFromX(1.35);
        pop.setFromY(1.35);
        pop.setToX(1);
        pop.setToY(1);
        pop.play();
    }

    /** The queue opens with listen(): the slots unfold from the left. */
    static void unfold(Node n, long nanos) {
        if (nanos <= 0) {
            return;
        }
        ScaleTransition open = new ScaleTransition(of(nanos), n);
        open.setFromX(0.05);
        open.setToX(1);
        open.play();
    }

    /** accept() lifts the connection out of its slot: the new socket starts where the slot is. */
    static void moveFrom(Node n, double dx, double dy, long nanos) {
        if (nanos <= 0) {
            return;
        }
        TranslateTransition move = new TranslateTransition(of(nanos), n);
        move.setFromX(dx);
        move.setFromY(dy);
        move.setToX(0);
        move.setToY(0);
        move.setInterpolator(Interpolator.EASE_BOTH);
        move.play();
    }
}
