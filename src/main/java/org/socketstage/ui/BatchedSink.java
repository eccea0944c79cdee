package org.socketstage.ui;

/**
 * An EventSink that keeps plain state while events are applied and pushes it to its JavaFX properties only
 * in {@link #publish()}, which the feed calls once per batch or replay. However many events arrive in one
 * pulse, the scene graph is touched once.
 */
public interface BatchedSink extends EventSink {

    void publish();
}
