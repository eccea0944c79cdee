package org.socketstage.ui.controls;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.socketstage.event.ServerEvent;
import org.socketstage.settings.Concurrency;
import org.socketstage.settings.ConfigRules;
import org.socketstage.settings.ServerConfig;
import org.socketstage.ui.EventSink;
import org.socketstage.ui.text.UiText;

/**
 * The server settings as typed, each checked by {@link ConfigRules} as it changes, with one message per bad
 * value. Whenever every value is valid the settings go to the session as the user's choice; when the session's
 * settings change for another reason (a demonstration's set-up, Reset to defaults) the fields show them.
 */
public final class SettingsViewModel implements EventSink {

    public static final String ALL_INTERFACES = "0.0.0.0";

    private final UiText texts;
    private final Supplier<List<String>> machineAddresses;
    private final Consumer<ServerConfig> chosen;
    private final StringProperty port = new SimpleStringProperty(Integer.toString(ServerConfig.DEFAULT_PORT));
    private final StringProperty bindAddress = new SimpleStringProperty(ServerConfig.DEFAULT_BIND);
    private final StringProperty backlog = new SimpleStringProperty(Integer.toString(ServerConfig.DEFAULT_BACKLOG));
    private final BooleanProperty reuseAddr = new SimpleBooleanProperty(true);
    private final ObjectProperty<Concurrency> concurrency = new SimpleObjectProperty<>(Concurrency.ITERATIVE);
    private final StringProperty maxConnections = new SimpleStringProperty(Integer.toString(ServerConfig.DEFAULT_MAX_CONNECTIONS));
    private final StringProperty recvBuffer = new SimpleStringProperty(Integer.toString(ServerConfig.DEFAULT_RECV_BUFFER));
    private final StringProperty idleTimeout = new SimpleStringProperty(Integer.toString(ServerConfig.DEFAULT_IDLE_TIMEOUT_SECONDS));
    private final StringProperty portError = new SimpleStringProperty("");
    private final StringProperty addressError = new SimpleStringProperty("");
    private final StringProperty backlogError = new SimpleStringProperty("");
    private final StringProperty maxConnectionsError = new SimpleStringProperty("");
    private final StringProperty recvBufferError = new SimpleStringProperty("");
    private final StringProperty idleTimeoutError = new SimpleStringProperty("");
    private final StringProperty allInterfacesNotice = new SimpleStringProperty("");
    private final BooleanBinding valid;
    /** Set while the fields are being filled from the session, so that filling them is not taken as typing. */
    private boolean showingSession;

    /** @param chosen told the settings whenever the user has made every value valid */
    public SettingsViewModel(UiText texts, ServerConfig initial, Consumer<ServerConfig> chosen) {
        this(texts, initial, chosen, SettingsViewModel::thisMachinesAddresses);
    }

    public SettingsViewModel(UiText texts, ServerConfig initial, Consumer<ServerConfig> chosen,
            Supplier<List<String>> machineAddresses) {
        this.texts = texts;
        this.machineAddresses = machineAddresses;
        this.chosen = chosen;
        check(port, portError, ConfigRules::checkPort);
        check(backlog, backlogError, ConfigRules::checkBacklog);
        check(bindAddress, addressError, ConfigRules::checkBindAddress);
        check(maxConnections, maxConnectionsError, ConfigRules::checkMaxConnections);
        check(recvBuffer, recvBufferError, ConfigRules::checkRecvBuffer);
        check(idleTimeout, idleTimeoutError, ConfigRules::checkIdleTimeout);
        bindAddress.addListener((o, a, b) -> updateNotice());
        port.addListener((o, a, b) -> updateNotice());
        valid = Bindings.createBooleanBinding(
                () -> portError.get().isEmpty() && addressError.get().isEmpty() && backlogError.get().isEmpty()
                        && maxConnectionsError.get().isEmpty() && recvBufferError.get().isEmpty()
                        && idleTimeoutError.get().isEmpty() && concurrency.get() != null,
                portError, addressError, backlogError, maxConnectionsError, recvBufferError, idleTimeoutError,
                concurrency);
        show(initial);
        updateNotice();
        concurrency.addListener((o, before, now) -> followDefaultBacklog(before, now));
        for (ObservableValue<?> field : List.of(port, bindAddress, backlog, reuseAddr, concurrency, maxConnections,
                recvBuffer, idleTimeout)) {
            field.addListener((o, a, b) -> offer());
        }
    }

    private static void check(StringProperty value, StringProperty error, Function<String, Optional<String>> rule) {
        Runnable update = () -> error.set(rule.apply(value.get()).orElse(""));
        value.addListener((o, a, b) -> update.run());
        update.run();
    }

    /**
     * A backlog the user left at one mode's default moves to the other's when the user switches mode: iterative
     * keeps the teaching 5, threaded gets 128 so a class connecting at once is queued.
     */
    private void followDefaultBacklog(Concurrency before, Concurrency now) {
        if (!showingSession && before != null && now != null
                && ConfigRules.parseInt(backlog.get()).equals(Optional.of(before.defaultBacklog()))) {
            backlog.set(Integer.toString(now.defaultBacklog()));
        }
    }

    /** The user changed a field: once every value is valid, that is the user's new choice. */
    private void offer() {
        if (!showingSession) {
            toConfig().ifPresent(chosen);
        }
    }

    /** Fills the fields with these settings, leaving a field alone when it already means the same value. */
    private void show(ServerConfig c) {
        showingSession = true;
        try {
            setIfDifferent(port, c.port());
            if (!c.bindHost().equals(bindAddress.get() == null ? "" : bindAddress.get().trim())) {
                bindAddress.set(c.bindHost());
            }
            setIfDifferent(backlog, c.backlog());
            reuseAddr.set(c.reuseAddr());
            concurrency.set(c.concurrency());
            setIfDifferent(maxConnections, c.maxConnections());
            setIfDifferent(recvBuffer, c.recvBufferSize());
            setIfDifferent(idleTimeout, c.idleTimeoutSeconds());
        } finally {
            showingSession = false;
        }
    }

    private static void setIfDifferent(StringProperty field, int value) {
        if (!ConfigRules.parseInt(field.get()).equals(Optional.of(value))) {
            field.set(Integer.toString(value));
        }
    }

    @Override
    public void reset() {
        // live-only: the fields show the session's settings now, never a moment of the past
    }

    @Override
    public void apply(ServerEvent event) {
        if (event instanceof ServerEvent.SettingsChanged c && !c.config().equals(toConfig().orElse(null))) {
            show(c.config());
        }
    }

    private void updateNotice() {
        String host = bindAddress.get() == null ? "" : bindAddress.get().trim();
        if (!ALL_INTERFACES.equals(host)) {
            allInterfacesNotice.set("");
            return;
        }
        List<String> addresses = machineAddresses.get();
        String portText = port.get() == null ? "" : port.get().trim();
        if (addresses.isEmpty()) {
            allInterfacesNotice.set(texts.format("settings.allInterfaces.noAddress", portText));
        } else {
            StringBuilder nc = new StringBuilder();
            for (String a : addresses) {
                nc.append("\n    nc ").append(a).append(' ').append(portText);
            }
            allInterfacesNotice.set(texts.format("settings.allInterfaces.notice", String.join(", ", addresses), nc));
        }
    }

    /** Non-loopback IPv4 addresses of the interfaces that are up: what another machine would connect to. */
    public static List<String> thisMachinesAddresses() {
        List<String> out = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                Collections.list(ni.getInetAddresses()).stream()
                        .filter(a -> a instanceof Inet4Address)
                        .forEach(a -> out.add(a.getHostAddress()));
            }
        } catch (SocketException | RuntimeException e) {
            // no list of interfaces: the notice then says it could not find one
        }
        return out;
    }

    /** The settings as a config, or empty while any value is invalid. */
    public Optional<ServerConfig> toConfig() {
        if (!valid.get()) {
            return Optional.empty();
        }
        return Optional.of(ServerConfig.defaults()
                .withBindHost(bindAddress.get().trim())
                .withPort(ConfigRules.parseInt(port.get()).orElseThrow())
                .withBacklog(ConfigRules.parseInt(backlog.get()).orElseThrow())
                .withReuseAddr(reuseAddr.get())
                .withConcurrency(concurrency.get())
                .withMaxConnections(ConfigRules.parseInt(maxConnections.get()).orElseThrow())
                .withRecvBufferSize(ConfigRules.parseInt(recvBuffer.get()).orElseThrow())
                .withIdleTimeoutSeconds(ConfigRules.parseInt(idleTimeout.get()).orElseThrow()));
    }

    /** All messages of invalid values, one a line; empty when valid. */
    public String problems() {
        return String.join("\n", List.of(portError.get(), addressError.get(), backlogError.get(),
                maxConnectionsError.get(), recvBufferError.get(), idleTimeoutError.get()).stream().filter(s -> !s.isEmpty()).toList());
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty bindAddressProperty() {
        return bindAddress;
    }

    public StringProperty backlogProperty() {
        return backlog;
    }

    public BooleanProperty reuseAddrProperty() {
        return reuseAddr;
    }

    public ObjectProperty<Concurrency> concurrencyProperty() {
        return concurrency;
    }

    public StringProperty maxConnectionsProperty() {
        return maxConnections;
    }

    public StringProperty recvBufferProperty() {
        return recvBuffer;
    }

    /** Seconds a connection may send nothing before the server closes it; 0 never closes. */
    public StringProperty idleTimeoutProperty() {
        return idleTimeout;
    }

    public ReadOnlyStringProperty idleTimeoutErrorProperty() {
        return idleTimeoutError;
    }

    public ReadOnlyStringProperty portErrorProperty() {
        return portError;
    }

    public ReadOnlyStringProperty addressErrorProperty() {
        return addressError;
    }

    public ReadOnlyStringProperty backlogErrorProperty() {
        return backlogError;
    }

    public ReadOnlyStringProperty maxConnectionsErrorProperty() {
        return maxConnectionsError;
    }

    public ReadOnlyStringProperty recvBufferErrorProperty() {
        return recvBufferError;
    }

    /** Non-empty while the server would listen on all interfaces: who can now connect, and how. */
    public ReadOnlyStringProperty allInterfacesNoticeProperty() {
        return allInterfacesNotice;
    }

    public ObservableValue<Boolean> validProperty() {
        return valid;
    }

    public boolean isValid() {
        return valid.get();
    }
}
