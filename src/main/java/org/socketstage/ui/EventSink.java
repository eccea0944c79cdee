package org.socketstage.ui;

import org.socketstage.event.ServerEvent;

/**
 * A ViewModel that is driven by engine events, on the FX thread only. The live view feeds it each event
 * once; the history scrubber shows an earlier moment by calling reset() and replaying events up to it.
 */
public interface EventSink {

    void reset();

    void apply(ServerEvent event);
}
