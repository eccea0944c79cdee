package org.socketstage.ui.schematic;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.session.Session;
import org.socketstage.session.TestSessions;
import org.socketstage.settings.ServerConfig;
import org.socketstage.ui.FxEventPump;
import org.socketstage.ui.PaneLoader;
import org.socketstage.ui.ViewFeed;
import org.socketstage.ui.text.UiText;

/**
 * The stage pane on its own, fed as the window feeds it: a real session on loopback, the window's pump onto the
 * FX thread and a feed with history. Open it in a TestFX {@code @Start} (FX thread); close it after each test.
 */
final class StageOnLoopback implements AutoCloseable {

    final Session session;
    final SchematicView view;
    final ViewFeed feed = new ViewFeed(ViewFeed.DEFAULT_HISTORY);
    private final Region root;
    private final FxEventPump pump;

    private StageOnLoopback(Stage stage, ServerConfig config, double width, double height) {
        session = TestSessions.loopback(new EventBus(), config);
        PaneLoader.Loaded<SchematicView> loaded = PaneLoader.load("/fxml/schematic/SchematicView.fxml",
                new SchematicView(new SchematicViewModel(UiText.load())));
        view = loaded.controller();
        root = (Region) loaded.root();
        feed.addSink(view.viewModel());
        pump = new FxEventPump(session.bus(), this::deliver, feed::refresh);
        pump.start();
        // a plain pane around the stage: it keeps the size it is given, even past the headless screen's
        Scene scene = org.socketstage.ui.WindowStyles.apply(new Scene(new Pane(root), width, height));
        stage.setScene(scene);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        size(width, height, 13);
    }

    static StageOnLoopback open(Stage stage, ServerConfig config, double width, double height) {
        return new StageOnLoopback(stage, config, width, height);
    }

    /** As the window does it: the stage learns the server's pacing from the events, then draws them. */
    private void deliver(List<ServerEvent> batch) {
        for (ServerEvent e : batch) {
            if (e instanceof ServerEvent.PacingChanged p) {
                view.viewModel().pacingProperty().set(p.mode());
            }
        }
        feed.take(batch);
    }


    /** Gives the stage this size and root font (a presentation's is the height / 45). FX thread. */
    void size(double width, double height, double fontPx) {
        root.setStyle("-fx-font-size: " + fontPx + "px;");
        root.setPrefSize(width, height);
        root.resize(width, height);
    }

    Region root() {
        return root;
    }

    /** Stops the pump and the stage's timer (FX thread), then the session with its server and clients. */
    @Override
    public void close() {
        pump.close();
        view.shutdown();
        session.close();
    }
}
