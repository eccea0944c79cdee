package org.socketstage.ui;

/**
 * A ViewModel that marks "the moment shown" itself, beyond being replayed: e.g. the event log highlights the
 * row of the event the scrubber went back to. The feed calls it after each replay.
 */
public interface MomentAware {

    /** The view now shows the moment just after the event with this seq (view-only). */
    void showMoment(long seq);

    /** The view follows the live server again. */
    void showLive();
}
