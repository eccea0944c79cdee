package org.socketstage.ui.sockets;

import javafx.animation.FadeTransition;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.socketstage.ui.support.StateLook;
import org.socketstage.ui.support.SteadyLine;
import org.socketstage.ui.text.UiText;

/** One accepted connection drawn as its own socket; fades out once the kernel lets go of it. */
final class ConnectionNode extends VBox {

    static Duration fadeDuration = Duration.millis(1200);

    private final UiText texts;
    private final Label title = new Label();
    private final Label peer = new Label();
    private final Label bytes = new Label();
    private final Label state = new Label();
    private final Label problem = new Label();
    private ConnectionState shown;

    /**
     * No CSS id ("conn-7"): JavaFX's style cache is keyed by type, id and style classes, so an id per connection
     * cost each new card a full match against every stylesheet and left an entry behind for good.
     */
    ConnectionNode(UiText texts) {
        this.texts = texts;
        getStyleClass().addAll("socket-card", "conn-card");
        title.getStyleClass().add("card-title");
        state.getStyleClass().add("conn-state");
        problem.getStyleClass().add("conn-problem");
        problem.managedProperty().bind(problem.visibleProperty());
        // the byte counters change at every refresh under load: their line relays out alone (see SteadyLine)
        getChildren().addAll(title, peer, new SteadyLine(bytes), state, problem);
    }

    void show(ConnectionCard c) {
        title.setText(texts.format("sockets.conn.fd", c.fd()));
        peer.setText(texts.format("sockets.conn.peer", c.peer()));
        bytes.setText(texts.format("sockets.conn.bytes", c.bytesIn(), c.bytesOut()));
        String kernel = c.kernelState().isEmpty() ? "" : " · " + texts.format("sockets.conn.kernel", c.kernelState());
        state.setText(c.state().icon() + " " + texts.get("sockets.conn.state." + c.state().name()) + kernel);
        problem.setText("✖ " + c.problem());
        problem.setVisible(!c.problem().isEmpty());
        if (shown != c.state()) {
            StateLook.swap(this, shown == null ? null : shown.pseudoClass(), c.state().pseudoClass());
            if (c.state() == ConnectionState.GONE) {
                FadeTransition fade = new FadeTransition(fadeDuration, this);
                fade.setToValue(0.25);
                fade.play();
            } else {
                setOpacity(1.0);
            }
            shown = c.state();
        }
    }
}
