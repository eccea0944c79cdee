package org.socketstage.ui;

/**
 * An EventSink that keeps plain state while events are applied and pushes it to its JavaFX properties only
 * in {@link #publish()}, which the feed calls at each refresh (ten times a second under a class's load) and
 * after a replay. However many events arrived meanwhile, the scene graph is touched once.
 */
public interface BatchedSink extends EventSink {

    void publish();
}
