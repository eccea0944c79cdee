package org.socketstage.ui.controls;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
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
import org.socketstage.settings.Concurrency;
import org.socketstage.settings.ConfigRules;
import org.socketstage.settings.ServerConfig;
import org.socketstage.ui.Texts;

/**
 * The server settings as typed, each checked by {@link ConfigRules} as it changes, with one message per bad
 * value. The server can only be built from them when every value is valid.
 */
public final class SettingsViewModel {

    public static final String ALL_INTERFACES = "0.0.0.0";

    private final Texts texts;
    private final Supplier<List<String>> machineAddresses;
    private final StringProperty port = new SimpleStringProperty(Integer.toString(ServerConfig.DEFAULT_PORT));
    private final StringProperty bindAddress = new SimpleStringProperty(ServerConfig.DEFAULT_BIND);
    private final StringProperty backlog = new SimpleStringProperty(Integer.toString(ServerConfig.DEFAULT_BACKLOG));
    private final BooleanProperty reuseAddr = new SimpleBooleanProperty(true);
    private final ObjectProperty<Concurrency> concurrency = new SimpleObjectProperty<>(Concurrency.ITERATIVE);
    private final StringProperty portError = new SimpleStringProperty("");
    private final StringProperty addressError = new SimpleStringProperty("");
    private final StringProperty backlogError = new SimpleStringProperty("");
    private final StringProperty allInterfacesNotice = new SimpleStringProperty("");
    private final BooleanBinding valid;

    public SettingsViewModel(Texts texts) {
        this(texts, SettingsViewModel::thisMachinesAddresses);
    }

    public SettingsViewModel(Texts texts, Supplier<List<String>> machineAddresses) {
        this.texts = texts;
        this.machineAddresses = machineAddresses;
        check(port, portError, ConfigRules::checkPort);
        check(backlog, backlogError, ConfigRules::checkBacklog);
        check(bindAddress, addressError, ConfigRules::checkBindAddress);
        bindAddress.addListener((o, a, b) -> updateNotice());
        port.addListener((o, a, b) -> updateNotice());
        updateNotice();
        valid = Bindings.createBooleanBinding(
                () -> portError.get().isEmpty() && addressError.get().isEmpty() && backlogError.get().isEmpty()
                        && concurrency.get() != null,
                portError, addressError, backlogError, concurrency);
    }

    private static void check(StringProperty value, StringProperty error,
            java.util.function.Function<String, Optional<String>> rule) {
        Runnable update = () -> error.set(rule.apply(value.get()).orElse(""));
        value.addListener((o, a, b) -> update.run());
        update.run();
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
                .withConcurrency(concurrency.get()));
    }

    /** All messages of invalid values, one a line; empty when valid. */
    public String problems() {
        return String.join("\n", List.of(portError.get(), addressError.get(), backlogError.get()).stream()
                .filter(s -> !s.isEmpty()).toList());
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

    public ReadOnlyStringProperty portErrorProperty() {
        return portError;
    }

    public ReadOnlyStringProperty addressErrorProperty() {
        return addressError;
    }

    public ReadOnlyStringProperty backlogErrorProperty() {
        return backlogError;
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
