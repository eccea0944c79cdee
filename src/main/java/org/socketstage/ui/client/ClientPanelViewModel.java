package org.socketstage.ui.client;

import org.socketstage.ui.text.UiText;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketstage.client.ClientFleet;
import org.socketstage.client.ClientRecord;
import org.socketstage.client.ClientTarget;
import org.socketstage.client.ClientTracker;
import org.socketstage.client.TeachingClient;
import org.socketstage.settings.ConfigRules;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.ServerEvent;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.ui.EventSink;

/**
 * The client panel's state. Cards are rebuilt from engine events only (so the history scrubber can replay
 * them); the actions reach the real clients through the {@link ClientFleet}, whose I/O threads publish what
 * happens back onto the event bus.
 */
public final class ClientPanelViewModel implements EventSink {

    public static final int CONNECT_MANY = 5;
    private static final int MAX_TIMEOUT_MILLIS = 600_000;

    private final UiText text;
    private final ClientStateWords words;
    private final ClientTracker tracker = new ClientTracker();
    private final ObservableList<ClientCardModel> cards = FXCollections.observableArrayList();
    private final Map<Integer, ClientCardModel> byNumber = new HashMap<>();
    private final ObjectProperty<ClientCardModel> selected = new SimpleObjectProperty<>();
    private final StringProperty targetText = new SimpleStringProperty("");
    private final StringProperty timeoutText = new SimpleStringProperty(
            Integer.toString(TeachingClient.DEFAULT_CONNECT_TIMEOUT_MILLIS));
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty countText = new SimpleStringProperty("");
    /** The count and cap the count's words were made for (-1: none yet). */
    private int shownCount = -1;
    private int shownCap = -1;
    private final StringProperty targetHint = new SimpleStringProperty("");
    private final ClientFleet fleet;
    private ServerConfig serverConfig;

    /** @param fleet the session's clients; {@code config} the settings the server runs with now */
    public ClientPanelViewModel(UiText text, ClientFleet fleet, ServerConfig config) {
        this.text = text;
        this.fleet = fleet;
        this.serverConfig = config;
        this.words = new ClientStateWords(text);
        selected.addListener((obs, was, is) -> {
            if (was != null) {
                was.selectedProperty().set(false);
            }
            if (is != null) {
                is.selectedProperty().set(true);
            }
        });
        updateCount();
        updateHint();
    }

    ClientFleet fleet() {
        return fleet;
    }

    @Override
    public void reset() {
        tracker.reset();
        cards.clear();
        byNumber.clear();
        selected.set(null);
        updateCount();
    }

    @Override
    public void apply(ServerEvent event) {
        if (event instanceof ServerEvent.SettingsChanged c) {
            serverConfig = c.config();
            updateHint();
            return;
        }
        int portBefore = tracker.serverPort();
        applyToCards(event);
        if (tracker.serverPort() != portBefore) {
            updateHint();
        }
    }

    private void applyToCards(ServerEvent event) {
        Set<ClientRecord> changed = tracker.apply(event);
        if (changed.isEmpty()) {
            return; // most events change no client: no iterator made for them (the window's JIT would allocate one)
        }
        for (ClientRecord r : changed) {
            if (r.removed()) {
                ClientCardModel gone = byNumber.remove(r.number());
                cards.remove(gone);
                if (selected.get() == gone) {
                    selected.set(cards.isEmpty() ? null : cards.get(cards.size() - 1));
                }
                continue;
            }
            ClientCardModel card = byNumber.computeIfAbsent(r.number(), n -> {
                ClientCardModel fresh = new ClientCardModel(n);
                cards.add(fresh);
                return fresh;
            });
            card.update(r, words, text);
            if (selected.get() == null) {
                selected.set(card);
            }
        }
        updateCount();
    }

    /** Adds one client (socket() only); Connect on its card makes it connect. */
    public void addClient() {
        admit(1, false);
    }

    /** Adds five clients that connect at once: enough to fill a small accept queue. */
    public void connectMany() {
        admit(CONNECT_MANY, true);
    }

    public void removeAll() {
        if (fleet != null) {
            fleet.removeAll();
            message.set("");
        }
    }

    private void admit(int count, boolean connect) {
        if (fleet == null) {
            message.set(text.get("client.message.notAttached"));
            return;
        }
        Optional<Integer> timeout = ConfigRules.parseInt(timeoutText.get())
                .filter(ms -> ms >= 1 && ms <= MAX_TIMEOUT_MILLIS);
        if (timeout.isEmpty()) {
            message.set(text.format("client.message.badTimeout", timeoutText.get()));
            return;
        }
        Optional<SockAddrIn> target = target();
        if (target.isEmpty()) {
            return;
        }
        fleet.setConnectTimeoutMillis(timeout.get());
        ClientFleet.Admission admission = fleet.add(target.get(), count, connect);
        message.set(admission.refusedAny() ? admission.refusal() : "");
    }

    /** The typed host:port, or this app's server when the field is empty; sets the message when neither works. */
    private Optional<SockAddrIn> target() {
        String typed = targetText.get() == null ? "" : targetText.get().trim();
        if (!typed.isEmpty()) {
            ClientTarget.Parsed parsed = ClientTarget.parse(typed);
            if (parsed.problem() != null) {
                message.set(parsed.problem());
            }
            return parsed.value();
        }
        ServerConfig config = serverConfig;
        int port = tracker.serverPort() != 0 ? tracker.serverPort() : config == null ? 0 : config.port();
        if (port == 0) {
            message.set(text.get("client.message.noServerPort"));
            return Optional.empty();
        }
        String host = config == null || "0.0.0.0".equals(config.bindHost()) ? "127.0.0.1" : config.bindHost();
        ClientTarget.Parsed parsed = ClientTarget.parse(host + ":" + port);
        if (parsed.problem() != null) {
            message.set(parsed.problem());
        }
        return parsed.value();
    }

    private void updateHint() {
        targetHint.set(defaultTargetHint());
    }

    /** What the empty target field means right now, for its prompt; follows the settings and the running server. */
    public ReadOnlyStringProperty targetHintProperty() {
        return targetHint;
    }

    /** What the empty target field means right now, for its prompt. */
    public String defaultTargetHint() {
        ServerConfig config = serverConfig;
        int port = tracker.serverPort() != 0 ? tracker.serverPort() : config == null ? 0 : config.port();
        String host = config == null || "0.0.0.0".equals(config.bindHost()) ? "127.0.0.1" : config.bindHost();
        return port == 0 ? text.get("client.target.prompt") : text.format("client.target.promptServer", host + ":" + port);
    }

    public void connect(ClientCardModel card) {
        act(card, TeachingClient::connect);
    }

    /** Sends the card's typed text (plus a newline when chosen) and clears the field. */
    public void send(ClientCardModel card) {
        String typed = card.outgoingProperty().get();
        if (typed == null || (typed.isEmpty() && !card.addNewlineProperty().get())) {
            return;
        }
        boolean newline = card.addNewlineProperty().get();
        act(card, c -> c.sendText(typed, newline));
        card.outgoingProperty().set("");
    }

    public void sendExit(ClientCardModel card) {
        act(card, TeachingClient::sendExit);
    }

    public void halfClose(ClientCardModel card) {
        act(card, TeachingClient::halfClose);
    }

    public void close(ClientCardModel card) {
        act(card, TeachingClient::closeGracefully);
    }

    public void abort(ClientCardModel card) {
        act(card, TeachingClient::abortWithReset);
    }

    public void remove(ClientCardModel card) {
        act(card, c -> fleet.remove(c));
    }

    private void act(ClientCardModel card, Consumer<TeachingClient> action) {
        if (fleet == null || card == null) {
            return;
        }
        fleet.byNumber(card.number()).ifPresentOrElse(action,
                () -> message.set(text.format("client.message.gone", card.number())));
    }

    private void updateCount() {
        int cap = fleet == null ? ClientFleet.DEFAULT_CAP : fleet.cap();
        // called at every event: the words are made again only when the count or the cap changed
        if (cards.size() != shownCount || cap != shownCap) {
            shownCount = cards.size();
            shownCap = cap;
            countText.set(text.format("client.count", shownCount, shownCap));
        }
    }

    public ObservableList<ClientCardModel> cards() {
        return cards;
    }

    public ObjectProperty<ClientCardModel> selectedProperty() {
        return selected;
    }

    public StringProperty targetTextProperty() {
        return targetText;
    }

    public StringProperty timeoutTextProperty() {
        return timeoutText;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText;
    }

    ClientStateWords words() {
        return words;
    }
}
