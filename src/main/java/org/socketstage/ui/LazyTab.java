package org.socketstage.ui;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Tab;

/**
 * A pane tab whose content is loaded from its FXML the first time the tab is shown, or the first time the
 * window asks for its controller: start-up then loads, styles and lays out only what the user sees. The
 * pane's ViewModel exists from the start and takes in every event, so a pane built late shows the same.
 */
final class LazyTab<C> {

    private final Tab tab;
    private final String fxml;
    private final Function<String, FXMLLoader> loading;
    private final Consumer<C> built;
    private C controller;
    private boolean isBuilt;

    /**
     * @param loading loads an FXML file through the window's view factory and returns its loader
     * @param built   told of the controller once, when the pane has been built
     */
    LazyTab(Tab tab, String fxml, Function<String, FXMLLoader> loading, Consumer<C> built) {
        this.tab = tab;
        this.fxml = fxml;
        this.loading = loading;
        this.built = built;
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                controller();
            }
        });
        if (tab.isSelected()) {
            controller();
        }
    }

    /** The pane's controller; builds the pane now if it has not been shown yet. */
    C controller() {
        if (!isBuilt) {
            FXMLLoader loader = loading.apply(fxml);
            tab.setContent(loader.<Parent>getRoot());
            controller = loader.getController();
            isBuilt = true;
            built.accept(controller);
        }
        return controller;
    }

    boolean isBuilt() {
        return isBuilt;
    }

    Tab tab() {
        return tab;
    }
}
