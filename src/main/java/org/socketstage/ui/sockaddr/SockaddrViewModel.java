package org.socketstage.ui.sockaddr;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;
import org.socketstage.socket.Platform;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SocketConstants;
import org.socketstage.ui.EventSink;
import org.socketstage.ui.text.UiText;

/**
 * The sockaddr_in panel's state: the 16 bytes the engine really handed to the kernel (from the server's
 * SOCKADDR or BIND call), split into labelled members, and the port in host and network byte order.
 */
public final class SockaddrViewModel implements EventSink {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private final UiText text;
    private final List<SockaddrField.Span> layout;
    private final ReadOnlyBooleanWrapper built = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper portValue = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper portHostOrder = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper portNetworkOrder = new ReadOnlyStringWrapper();
    private final ObservableList<String> byteHex = FXCollections.observableArrayList();
    private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
    private boolean running;

    public SockaddrViewModel(UiText text, Platform platform) {
        this.text = text;
        this.layout = SockaddrField.layout(platform);
        reset();
    }

    public SockaddrViewModel(UiText text) {
        this(text, Platform.current());
    }

    @Override
    public void reset() {
        running = false;
        built.set(false);
        status.set(text.get("sockaddr.notBuilt"));
        byteHex.setAll(java.util.Collections.nCopies(SocketConstants.SOCKADDR_IN_SIZE, "--"));
        List<FieldRow> rows = new ArrayList<>();
        for (SockaddrField.Span s : layout) {
            rows.add(new FieldRow(s.field(), s.offset(), s.length(), "", ""));
        }
        fields.setAll(rows);
        portValue.set("");
        portHostOrder.set("");
        portNetworkOrder.set("");
    }

    @Override
    public void apply(ServerEvent event) {
        if (event instanceof CallReturned r && r.actor().kind() == Actor.Kind.SERVER
                && (r.stage() == Step.SOCKADDR || r.stage() == Step.BIND) && r.sockaddrBytes() != null) {
            show(r);
        } else if (event instanceof ServerEvent.StateChanged st && st.actor().kind() == Actor.Kind.SERVER) {
            running = st.state() == org.socketstage.event.ServerState.RUNNING;
        } else if (event instanceof ServerEvent.SettingsChanged c && !running) {
            preview(c.config());
        }
    }

    /**
     * Before the program builds the struct, shows what it will build with the settings now chosen. Only an
     * IPv4 literal is shown byte by byte: a host name is resolved when the server starts, not on the FX thread.
     */
    private void preview(org.socketstage.settings.ServerConfig config) {
        SockAddrIn address = literal(config.bindHost(), config.port());
        if (address == null) {
            reset();
            status.set(text.format("sockaddr.preview.name", config.bindHost(), String.valueOf(config.port())));
            return;
        }
        fill(address.structBytes(), address);
        status.set(text.format("sockaddr.preview", address.toString()));
    }

    private static SockAddrIn literal(String host, int port) {
        if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        try {
            return SockAddrIn.of(host, port);
        } catch (java.net.UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private void show(CallReturned r) {
        byte[] b = r.sockaddrBytes();
        if (b.length != SocketConstants.SOCKADDR_IN_SIZE) {
            reset();
            status.set(text.format("sockaddr.wrongSize", String.valueOf(b.length)));
            return;
        }
        SockAddrIn address = r.address() != null ? r.address() : SockAddrIn.fromStructBytes(b);
        fill(b, address);
        status.set(statusOf(r, address));
    }

    private void fill(byte[] b, SockAddrIn address) {
        List<String> hex = new ArrayList<>(b.length);
        for (byte x : b) {
            hex.add(HEX.toHexDigits(x));
        }
        byteHex.setAll(hex);
        List<FieldRow> rows = new ArrayList<>();
        for (SockaddrField.Span s : layout) {
            String bytes = HEX.formatHex(b, s.offset(), s.offset() + s.length());
            rows.add(new FieldRow(s.field(), s.offset(), s.length(), bytes, meaning(s.field(), address)));
        }
        fields.setAll(rows);
        String port = String.valueOf(address.port());
        portValue.set(text.format("sockaddr.port.value", port, HEX.formatHex(address.portNetworkOrder()).replace(" ", "")));
        portHostOrder.set(HEX.formatHex(address.portHostOrderLittleEndian()));
        portNetworkOrder.set(HEX.formatHex(address.portNetworkOrder()));
        built.set(true);
    }

    private String meaning(SockaddrField field, SockAddrIn address) {
        return switch (field) {
            case SIN_LEN -> text.get("sockaddr.meaning.len");
            case SIN_FAMILY -> text.get(layout.get(0).field() == SockaddrField.SIN_LEN
                    ? "sockaddr.meaning.family.bsd" : "sockaddr.meaning.family");
            case SIN_PORT -> text.format("sockaddr.meaning.port", String.valueOf(address.port()));
            case SIN_ADDR -> address.isAny()
                    ? text.get("sockaddr.meaning.addrAny")
                    : text.format("sockaddr.meaning.addr", address.host());
            case SIN_ZERO -> text.get("sockaddr.meaning.zero");
        };
    }

    private String statusOf(CallReturned r, SockAddrIn address) {
        if (r.stage() == Step.SOCKADDR) {
            return text.format("sockaddr.status.built", address.toString());
        }
        String result = r.failed() ? "-1 " + r.errno().name() : Long.toString(r.result());
        if (r.simulated()) {
            result += " [" + text.get("code.simulated") + "]";
        } else if (r.injected()) {
            result += " [" + text.get("common.injected") + "]";
        }
        return text.format("sockaddr.status.bound", address.toString(), result);
    }

    public ReadOnlyBooleanProperty builtProperty() {
        return built.getReadOnlyProperty();
    }

    public boolean isBuilt() {
        return built.get();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** {@code Port 9090 = 0x2382}. */
    public ReadOnlyStringProperty portValueProperty() {
        return portValue.getReadOnlyProperty();
    }

    /** The port's bytes as a little-endian CPU keeps the number: {@code 82 23} for 9090. */
    public ReadOnlyStringProperty portHostOrderProperty() {
        return portHostOrder.getReadOnlyProperty();
    }

    /** The port's bytes after htons(), as in the struct: {@code 23 82} for 9090. */
    public ReadOnlyStringProperty portNetworkOrderProperty() {
        return portNetworkOrder.getReadOnlyProperty();
    }

    /** Sixteen two-digit hex strings, or placeholders before the struct is built. */
    public ObservableList<String> byteHex() {
        return byteHex;
    }

    public ObservableList<FieldRow> fields() {
        return fields;
    }

    public List<SockaddrField.Span> layout() {
        return layout;
    }
}
