package org.socketstage.ui.client;

import javafx.scene.control.ListCell;
import org.socketstage.client.ChatLine;

/** One conversation line in the selected client's list; its style class says sent, received or closed. */
final class ChatCell extends ListCell<ChatLine> {

    private final ClientStateWords words;

    ChatCell(ClientStateWords words) {
        this.words = words;
    }

    @Override
    protected void updateItem(ChatLine line, boolean empty) {
        super.updateItem(line, empty);
        getStyleClass().removeAll("chat-sent", "chat-received", "chat-closed");
        if (empty || line == null) {
            setText(null);
            return;
        }
        setText(words.chat(line));
        getStyleClass().add(switch (line.kind()) {
            case SENT -> "chat-sent";
            case RECEIVED -> "chat-received";
            case PEER_CLOSED -> "chat-closed";
        });
    }
}
