package org.socketstage.ui.sockets;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.socketstage.event.ServerEvent;
import org.socketstage.ui.PaneLoader;
import org.socketstage.ui.text.UiText;
import org.testfx.api.FxRobot;

/** The sockets pane from its FXML with its ViewModel, shown in a stage of its own (tests). */
record SocketsPane(SocketsViewModel model, Scene scene) {

    static SocketsPane show(Stage stage) {
        UiText text = UiText.load();
        SocketsViewModel model = new SocketsViewModel(text);
        PaneLoader.Loaded<SocketsView> loaded = PaneLoader.load("/fxml/sockets/SocketsView.fxml", new SocketsView(model, text));
        Scene scene = new Scene(loaded.root(), 900, 600);
        stage.setScene(scene);
        stage.show();
        return new SocketsPane(model, scene);
    }

    /** Applies the events on the FX thread and publishes, as the event pump does at a pulse. */
    void feed(FxRobot robot, ServerEvent... events) {
        robot.interact(() -> {
            for (ServerEvent e : events) {
                model.apply(e);
            }
            model.publish();
        });
    }
}
