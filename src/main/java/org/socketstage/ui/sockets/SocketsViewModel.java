package org.socketstage.ui.sockets;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.ui.BatchedSink;
import org.socketstage.ui.text.UiText;

/**
 * The sockets on the server's side: the listening socket, the kernel's accept queue, and each accepted
 * connection as its own socket. Connections are keyed by the event that made them known, not by fd, because
 * the kernel hands the same fd out again after close().
 */
public final class SocketsViewModel implements BatchedSink {

    static final int MAX_GONE_SHOWN = 6;
    static final int MAX_SHOWN = 200;
    /**
     * Cards drawn in the pane, the first accepted first; the rest are counted under them. Fifty cards are not
     * read on a screen, and a class connecting at once made the window style and lay out each new one in the
     * same frames (the stage counts every client, the totals count every connection, and the event log shows
     * every call).
     */
    public static final int MAX_DRAWN = 24;

    private final UiText texts;
    private int listenerFd;
    private String listenerAddress;
    private String listenerStateKey;
    private boolean listenerFailed;
    private boolean listenerClosedAfterFailure;
    private boolean listenerSimulated;
    private int backlog;
    private KernelSnapshot snapshot;
    private long overflowBaseline;
    private final Map<Long, Connection> connections = new LinkedHashMap<>();
    /** What the server has served since the view began; counted per event, made a {@link ServedTotals} per pulse. */
    private long servedAccepted;
    private long servedBytesIn;
    private long servedBytesOut;

    private final ObjectProperty<ListenerCard> listener = new SimpleObjectProperty<>();
    private final ObjectProperty<QueueCard> queue = new SimpleObjectProperty<>();
    private final ObjectProperty<ServedTotals> totals = new SimpleObjectProperty<>(ServedTotals.NONE);
    private final ObservableList<ConnectionCard> connectionCards = FXCollections.observableArrayList();
    private final ObservableList<ConnectionCard> readOnlyCards = FXCollections.unmodifiableObservableList(connectionCards);
    private final ReadOnlyIntegerWrapper notDrawn = new ReadOnlyIntegerWrapper();

    /** Mutable while events are applied; published as {@link ConnectionCard}. */
    private static final class Connection {
        final long id;
        final int fd;
        final SockAddrIn peer;
        long bytesIn;
        long bytesOut;
        ConnectionState state = ConnectionState.OPEN;
        String kernelState = "";
        String problem = "";

        Connection(long id, int fd, SockAddrIn peer) {
            this.id = id;
            this.fd = fd;
            this.peer = peer;
        }

        ConnectionCard card() {
            return new ConnectionCard(id, fd, peer == null ? "?" : peer.toString(), bytesIn, bytesOut, state,
                    kernelState, problem);
        }
    }

    public SocketsViewModel(UiText texts) {
        this.texts = texts;
        reset();
        publish();
    }

    @Override
    public void reset() {
        listenerFd = -1;
        listenerAddress = "";
        listenerStateKey = "sockets.listener.none";
        listenerFailed = false;
        listenerClosedAfterFailure = false;
        listenerSimulated = false;
        backlog = -1;
        snapshot = null;
        overflowBaseline = -1;
        connections.clear();
        servedAccepted = 0;
        servedBytesIn = 0;
        servedBytesOut = 0;
    }

    /**
     * A new server run starts: the old run's sockets go, except connections the kernel still keeps in
     * TIME_WAIT. They outlive their server and are exactly what can make the new run's bind() fail.
     */
    private void newRun() {
        java.util.List<Map.Entry<Long, Connection>> waiting = connections.entrySet().stream()
                .filter(e -> e.getValue().state == ConnectionState.TIME_WAIT).toList();
        reset();
        waiting.forEach(e -> connections.put(e.getKey(), e.getValue()));
    }

    @Override
    public void apply(ServerEvent event) {
        if (event instanceof ServerEvent.KernelChanged k) {
            onKernel(k.snapshot());
        } else if (event instanceof ServerEvent.StateChanged s && s.actor().kind() == Actor.Kind.SERVER) {
            if (s.state() == ServerState.RUNNING && listenerFd >= 0) {
                newRun();
            }
        } else if (event instanceof ServerEvent.CallStarted c) {
            if (c.stage() == Step.SOCKET && c.actor().kind() == Actor.Kind.SERVER && listenerFd >= 0) {
                newRun();
            }
            if (c.stage() == Step.LISTEN) {
                backlog = c.args().backlog().orElse(backlog);
            }
        } else if (event instanceof ServerEvent.CallReturned r) {
            onReturned(r);
        }
    }

    private void onReturned(ServerEvent.CallReturned r) {
        Actor.Kind kind = r.actor().kind();
        if (kind == Actor.Kind.SERVER) {
            onListenerCall(r);
        } else if (kind == Actor.Kind.CONNECTION) {
            onConnectionCall(r);
        }
    }

    private void onListenerCall(ServerEvent.CallReturned r) {
        if (r.failed() && r.stage() != Step.ACCEPT) {
            listenerFailed = true;
            listenerSimulated = r.simulated();
            listenerStateKey = "sockets.listener.failed." + r.stage().name();
            return;
        }
        switch (r.stage()) {
            case SOCKET -> {
                listenerFd = (int) r.result();
                listenerStateKey = "sockets.listener.created";
            }
            case BIND -> {
                listenerAddress = r.address() == null ? listenerAddress : r.address().toString();
                listenerStateKey = "sockets.listener.bound";
            }
            case LISTEN -> listenerStateKey = "sockets.listener.listening";
            case CLOSE_LISTENER -> {
                if (!listenerFailed) {
                    listenerStateKey = "sockets.listener.closed";
                } else {
                    listenerClosedAfterFailure = true;
                }
            }
            case ACCEPT -> {
                if (!r.failed()) {
                    connections.put(r.seq(), new Connection(r.seq(), (int) r.result(), r.address()));
                    servedAccepted++;
                    trim();
                }
            }
            default -> { }
        }
    }

    private void onConnectionCall(ServerEvent.CallReturned r) {
        // once per event of a class's load: no lambda or Optional made for it (the window's JIT would allocate them)
        Connection c = openConnection(r.actor().fd());
        if (c == null) {
            c = new Connection(r.seq(), r.actor().fd(), r.actor().peer());
            connections.put(c.id, c);
            trim();
        }
        if (r.failed()) {
            c.problem = r.errno().name() + (r.simulated() ? " " + texts.get("common.simulated")
                    : r.injected() ? " " + texts.get("common.injected") : "");
            if (r.stage() != Step.CLOSE_CLIENT) {
                c.state = ConnectionState.FAILED;
                return;
            }
        }
        switch (r.stage()) {
            case RECV -> {
                if (r.result() > 0) {
                    c.bytesIn += r.result();
                    servedBytesIn += r.result();
                } else if (r.result() == 0) {
                    c.state = ConnectionState.PEER_CLOSED;
                }
            }
            case SEND -> {
                c.bytesOut += Math.max(0, r.result());
                servedBytesOut += Math.max(0, r.result());
            }
            case CLOSE_CLIENT -> {
                c.state = ConnectionState.CLOSED;
                if (snapshot != null && snapshot.available()) {
                    matchKernel(c);
                }
            }
            default -> { }
        }
    }

    /** The newest connection with this descriptor that the server has not closed, or null. */
    private Connection openConnection(int fd) {
        Connection found = null;
        for (Connection c : connections.values()) {
            if (c.fd == fd && !c.state.closedByServer()) {
                found = c; // the newest one with this fd wins
            }
        }
        return found;
    }

    private void onKernel(KernelSnapshot s) {
        snapshot = s;
        if (!s.available()) {
            return;
        }
        if (overflowBaseline < 0 && s.listenOverflows().isPresent()) {
            overflowBaseline = s.listenOverflows().getAsLong();
        }
        for (Connection c : connections.values()) {
            matchKernel(c);
        }
        trim();
    }

    private void matchKernel(Connection c) {
        if (c.state == ConnectionState.GONE || c.peer == null) {
            return;
        }
        Optional<TcpSocketRow> row = KernelRows.serverRowFor(snapshot, c.peer);
        c.kernelState = row.map(r -> r.state().name()).orElse("");
        if (!c.state.closedByServer()) {
            return;
        }
        if (row.isPresent() && row.get().state() == TcpState.TIME_WAIT) {
            c.state = ConnectionState.TIME_WAIT;
        } else if (row.isEmpty()) {
            c.state = ConnectionState.GONE;
        }
    }

    private void trim() {
        long gone = connections.values().stream().filter(c -> c.state == ConnectionState.GONE).count();
        Iterator<Connection> it = connections.values().iterator();
        while (it.hasNext() && gone > MAX_GONE_SHOWN) {
            if (it.next().state == ConnectionState.GONE) {
                it.remove();
                gone--;
            }
        }
        it = connections.values().iterator();
        while (it.hasNext() && connections.size() > MAX_SHOWN) {
            it.next();
            it.remove();
        }
    }

    private boolean accepted(TcpSocketRow r) {
        for (Connection c : connections.values()) {
            if (c.peer != null && c.peer.port() == r.remotePort() && KernelRows.sameHost(r.remoteHost(), c.peer)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void publish() {
        String state = texts.get(listenerStateKey)
                + (listenerSimulated ? " (" + texts.get("common.simulated") + ")" : "")
                + (listenerClosedAfterFailure ? " · " + texts.get("sockets.listener.closed") : "");
        ListenerCard l = new ListenerCard(listenerFd, listenerAddress, state, listenerFailed);
        if (!l.equals(listener.get())) {
            listener.set(l);
        }
        QueueCard q = KernelRows.queueCard(snapshot, backlog, overflowBaseline, this::accepted);
        if (!q.equals(queue.get())) {
            queue.set(q);
        }
        ServedTotals served = new ServedTotals(servedAccepted, servedBytesIn, servedBytesOut);
        if (!served.equals(totals.get())) {
            totals.set(served);
        }
        List<ConnectionCard> cards = connections.values().stream().limit(MAX_DRAWN).map(Connection::card).toList();
        if (!cards.equals(connectionCards)) {
            connectionCards.setAll(cards);
        }
        notDrawn.set(connections.size() - cards.size());
    }

    public ReadOnlyObjectProperty<ListenerCard> listenerProperty() {
        return listener;
    }

    public ReadOnlyObjectProperty<QueueCard> queueProperty() {
        return queue;
    }

    /** Connections accepted and bytes moved in this run, also for connections no longer drawn. */
    public ReadOnlyObjectProperty<ServedTotals> totalsProperty() {
        return totals;
    }

    /** The connections drawn: at most {@link #MAX_DRAWN}, the first accepted first. */
    public ObservableList<ConnectionCard> connections() {
        return readOnlyCards;
    }

    /** Connections known but not drawn, beyond {@link #MAX_DRAWN}. */
    public ReadOnlyIntegerProperty notDrawnProperty() {
        return notDrawn.getReadOnlyProperty();
    }
}
