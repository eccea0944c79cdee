package org.socketstage.ui.sockets;

import javafx.animation.FadeTransition;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.socketstage.ui.support.StateLook;
import org.socketstage.ui.support.SteadyLine;
import org.socketstage.ui.text.UiText;

/**
 * One accepted connection drawn as its own socket; fades out once the kernel lets go of it. A card whose connection
 * is no longer drawn is kept for a later connection ({@link SocketsView}): {@link #show} then turns it into that
 * connection's card.
 */
final class ConnectionNode extends VBox {

    static Duration fadeDuration = Duration.millis(1200);

    private final UiText texts;
    private final Label title = new Label();
    private final Label peer = new Label();
    private final Label bytes = new Label();
    private final Label state = new Label();
    private final Label problem = new Label();
    private ConnectionState shown;
    private FadeTransition fade;
    /** The connection shown ({@link ConnectionCard#id()}); -1 before the first. */
    private long connection = -1;

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
        connection = c.id();
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
                fade = new FadeTransition(fadeDuration, this);
                fade.setToValue(0.25);
                fade.play();
            } else {
                if (fade != null) {
                    fade.stop(); // a card kept from a connection that went, now another's
                    fade = null;
                }
                setOpacity(1.0);
            }
            shown = c.state();
        }
    }

    long connection() {
        return connection;
    }
}
