package org.socketstage.ui.client;

import org.socketstage.ui.text.UiText;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketstage.client.ChatLine;
import org.socketstage.client.ClientRecord;
import org.socketstage.client.ClientState;
import org.socketstage.client.Segment;

/** One client card's state for the view, copied from a {@link ClientRecord} after each event that changed it. */
public final class ClientCardModel {

    private final int number;
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<ClientState> state = new SimpleObjectProperty<>(ClientState.NOT_CONNECTED);
    private final StringProperty stateText = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty addresses = new SimpleStringProperty("");
    private final StringProperty counters = new SimpleStringProperty("");
    private final javafx.beans.property.IntegerProperty acceptedBy = new javafx.beans.property.SimpleIntegerProperty(-1);
    private final StringProperty pendingCall = new SimpleStringProperty("");
    private final ObservableList<String> calls = FXCollections.observableArrayList();
    private final ObservableList<ChatLine> chat = FXCollections.observableArrayList();
    private final ObservableList<Segment> segments = FXCollections.observableArrayList();
    private final StringProperty outgoing = new SimpleStringProperty("");
    private final BooleanProperty addNewline = new SimpleBooleanProperty(true);
    private final BooleanProperty selected = new SimpleBooleanProperty();
    private long callsSeen;
    private long chatSeen;

    ClientCardModel(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    void update(ClientRecord r, ClientStateWords words, UiText text) {
        title.set(text.format("client.card.title", r.number()) + (r.fd() >= 0 ? "  ·  fd " + r.fd() : ""));
        acceptedBy.set(r.acceptedBy());
        state.set(r.state());
        stateText.set(words.state(r));
        detail.set(words.detail(r));
        String local = r.local() != null ? r.local().toString()
                : r.localPort() != 0 ? "*:" + r.localPort() : text.get("client.card.noLocal");
        String target = r.target() != null ? r.target().toString() : "?";
        addresses.set(text.format("client.card.addresses", local, target));
        counters.set(text.format("client.card.counters", r.bytesSent(), r.bytesReceived()));
        pendingCall.set(r.pendingCall() == null ? "" : r.pendingCall() + " …");
        callsSeen = appendNew(calls, r.calls(), r.callsAdded(), callsSeen);
        chatSeen = appendNew(chat, r.chat(), r.chatAdded(), chatSeen);
        if (!segments.equals(r.segments())) {
            segments.setAll(r.segments());
        }
    }

    /** Appends only lines added since the last update, so long sessions do not redraw whole lists. */
    private static <T> long appendNew(ObservableList<T> shown, java.util.List<T> kept, long added, long seen) {
        long fresh = added - seen;
        if (fresh <= 0) {
            return seen;
        }
        int from = (int) Math.max(0, kept.size() - fresh);
        shown.addAll(kept.subList(from, kept.size()));
        int excess = shown.size() - ClientRecord.MAX_LINES;
        if (excess > 0) {
            shown.remove(0, excess);
        }
        return added;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyObjectProperty<ClientState> stateProperty() {
        return state;
    }

    public ClientState state() {
        return state.get();
    }

    /** The server's descriptor for this connection, or -1 while accept() has not returned it. */
    public javafx.beans.property.ReadOnlyIntegerProperty acceptedByProperty() {
        return acceptedBy;
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public ReadOnlyStringProperty addressesProperty() {
        return addresses;
    }

    public ReadOnlyStringProperty countersProperty() {
        return counters;
    }

    public ReadOnlyStringProperty pendingCallProperty() {
        return pendingCall;
    }

    public ObservableList<String> calls() {
        return calls;
    }

    public ObservableList<ChatLine> chat() {
        return chat;
    }

    public ObservableList<Segment> segments() {
        return segments;
    }

    /** The text typed to send. */
    public StringProperty outgoingProperty() {
        return outgoing;
    }

    public BooleanProperty addNewlineProperty() {
        return addNewline;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }
}
