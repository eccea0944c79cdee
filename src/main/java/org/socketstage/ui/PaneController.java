package org.socketstage.ui;

/**
 * The controller of a pane that the main window includes with {@code fx:include}; the view factory gives it
 * its ViewModel, which the main window's feed drives through {@link EventSink}.
 */
public interface PaneController {

    EventSink viewModel();

    /** Called when the window closes: stop anything the pane started (threads, sockets). */
    default void shutdown() {}
}
