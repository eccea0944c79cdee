package org.socketstage.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Tab;

/**
 * Where the main window includes a pane built elsewhere (code, sockaddr_in, event log, clients). When the
 * pane's FXML is on the class path it is loaded into the tab and fed events; when it is not, the tab says
 * plainly which file is missing instead of the window failing to open.
 */
final class PaneSlot {

    private final String path;
    private PaneController controller;

    PaneSlot(String path) {
        this.path = path;
    }

    /** Fills the tab; returns the pane's controller, or null when the pane is not installed. */
    PaneController fill(Tab tab, MainViewModel vm) {
        if (!Resources.exists(path)) {
            Label missing = new Label(vm.texts().format("pane.missing", "/" + path));
            missing.getStyleClass().addAll("muted", "pane-missing");
            missing.setWrapText(true);
            tab.setContent(missing);
            return null;
        }
        Resources.Loaded<Object> loaded = Resources.fxml(path, vm.texts().bundle());
        tab.setContent(loaded.root());
        if (loaded.controller() instanceof PaneController pc) {
            controller = pc;
            vm.feed().addSink(pc.viewModel());
            pc.attach(vm.services());
        } else {
            throw new IllegalStateException("The controller of /" + path + " does not implement PaneController: "
                    + (loaded.controller() == null ? "none" : loaded.controller().getClass().getName()));
        }
        return controller;
    }

    void shutdown() {
        if (controller != null) {
            try {
                controller.shutdown();
            } catch (RuntimeException e) {
                System.err.println("SocketStage: pane " + path + " failed to shut down: " + e);
            }
        }
    }
}
