package org.socketstage.ui.support;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Runs an action at most once per JavaFX pulse, just before layout, after it was requested. For work that
 * must follow the latest state but is costly per change, like scrolling a table: in live mode a burst of
 * thousands of events then costs one scroll per frame instead of one per event.
 *
 * <p>While the owner is hidden (its tab not selected, a parent invisible) a request waits: the action runs
 * in the first pulse after the owner shows again. A hidden table then costs nothing under load, where
 * scrolling it every frame took a third of the FX thread's time with another tab on screen.
 */
public final class OncePerPulse {

    private final Node owner;
    private final Runnable action;
    private final Runnable onPulse = this::runIfRequested;
    private boolean requested;

    /** The action runs while {@code owner} is in a scene. Use on the FX thread only. */
    public OncePerPulse(Node owner, Runnable action) {
        this.owner = owner;
        this.action = action;
        owner.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(onPulse);
            }
            if (now != null) {
                now.addPreLayoutPulseListener(onPulse);
            }
        });
        Scene scene = owner.getScene();
        if (scene != null) {
            scene.addPreLayoutPulseListener(onPulse);
        }
    }

    public void request() {
        if (!requested) {
            requested = true;
            Platform.requestNextPulse();
        }
    }

    private void runIfRequested() {
        if (requested && shown(owner)) {
            requested = false;
            action.run();
        }
    }

    /** True when the node and every parent are visible: what a tab pane's hidden tabs are not. */
    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
