package org.socketstage.ui;

/**
 * The controller of a pane that the main window includes with {@code fx:include}. The main window calls
 * attach() once after loading, then feeds the ViewModel every engine event through {@link EventSink}.
 */
public interface PaneController {

    EventSink viewModel();

    default void attach(AppServices services) {}

    /** Called when the window closes: stop anything the pane started (threads, sockets). */
    default void shutdown() {}
}
