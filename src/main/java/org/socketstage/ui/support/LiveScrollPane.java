package org.socketstage.ui.support;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * A ScrollPane for content that changes while the server runs (the lane, the sockets pane, the client cards).
 *
 * <p>JavaFX's ScrollPaneSkin caches its viewport as an image. That pays off for content that only scrolls; for
 * content that changes every few milliseconds it costs a full redraw of everything in the viewport into the
 * cache on each change, then a copy of the cache, instead of redrawing only the nodes that changed. Under a class's
 * load that was most of the render thread's time (profiled: about four fifths of its samples were in
 * {@code CacheFilter.renderNodeToCache}). This pane turns the cache off, so only the changed region is drawn.
 */
public class LiveScrollPane extends ScrollPane {

    public LiveScrollPane() {
        super();
    }

    public LiveScrollPane(Node content) {
        super(content);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        ScrollPaneSkin skin = new ScrollPaneSkin(this);
        uncacheViewport(this);
        return skin;
    }

    /** Turns off the cache of a ScrollPane's viewport (the skin's child with the style class "viewport"). */
    static void uncacheViewport(Parent scrollPane) {
        for (Node child : scrollPane.getChildrenUnmodifiable()) {
            if (child.getStyleClass().contains("viewport")) {
                child.setCache(false);
            }
        }
    }

    /** Whether the viewport is drawn through a cached image (false once the skin is made). */
    public boolean viewportCached() {
        return getChildrenUnmodifiable().stream()
                .filter(c -> c.getStyleClass().contains("viewport"))
                .anyMatch(Node::isCache);
    }
}
