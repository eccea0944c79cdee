package org.socketstage.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socketstage.client.Segment.Kind;
import org.socketstage.client.Segment.Note;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.event.StraceText;

/**
 * Rebuilds every client card from the event stream alone: the client's own calls, the app server's accept()
 * results and the kernel's TCP rows. Because it needs nothing else, the history scrubber can reset it and replay
 * events to show any earlier moment. Not thread-safe: feed it from one thread.
 */
public final class ClientTracker {

    private final Map<Integer, ClientRecord> byNumber = new LinkedHashMap<>();
    private final Map<Integer, ClientRecord> byFd = new HashMap<>();
    private final AppServerView server = new AppServerView();
    /** What {@link #apply} returns, reused: most events touch no client. */
    private final Set<ClientRecord> touched = new LinkedHashSet<>();

    public void reset() {
        byNumber.clear();
        byFd.clear();
        server.reset();
    }

    /** The clients on the panel, oldest first. */
    public List<ClientRecord> clients() {
        return List.copyOf(byNumber.values());
    }

    /**
     * Applies one event; returns the clients it changed (removed ones have {@code removed()} true). The set is
     * the tracker's own, valid until the next call: every event of a class comes here, most touch no client.
     */
    public Set<ClientRecord> apply(ServerEvent event) {
        touched.clear();
        if (event.actor().kind() == Actor.Kind.CLIENT) {
            applyClient(event, touched);
        } else if (event instanceof ServerEvent.KernelChanged k) {
            server.apply(k);
            applyKernel(k.snapshot(), touched);
        } else {
            applyServer(event, touched);
        }
        return touched;
    }

    private void applyClient(ServerEvent event, Set<ClientRecord> touched) {
        if (event instanceof ServerEvent.CallReturned r && ClientCall.SOCKET.callName().equals(r.call())) {
            created(r, touched);
            return;
        }
        if (event instanceof ServerEvent.Notice n && ClientNotices.isRemoved(n.text())) {
            ClientRecord gone = byNumber.remove(ClientNotices.numberOf(n.text()).getAsInt());
            if (gone != null) {
                gone.removed = true;
                byFd.values().remove(gone);
                touched.add(gone);
            }
            return;
        }
        ClientRecord rec = byFd.get(event.actor().fd());
        if (rec == null) {
            return;
        }
        touched.add(rec);
        if (event instanceof ServerEvent.CallStarted s) {
            rec.pendingCall = s.call() + "(" + s.args() + ")";
            if (ClientCall.CONNECT.callName().equals(s.call())) {
                ClientCalls.connecting(rec, s.args());
            }
        } else if (event instanceof ServerEvent.CallReturned r) {
            rec.pendingCall = null;
            rec.addCall(r.straceText());
            ClientCalls.returned(rec, r, server);
            if (ClientCall.CLOSE.callName().equals(r.call()) && byFd.get(rec.fd) == rec) {
                byFd.remove(rec.fd);
                rec.fd = -1;
            }
        } else if (event instanceof ServerEvent.Notice n) {
            ClientNotices.inodeOf(n.text()).ifPresent(inode -> rec.inode = inode);
        }
    }

    private void created(ServerEvent.CallReturned r, Set<ClientRecord> touched) {
        int number = ClientNotices.numberOf(r.note()).orElse(-1);
        if (number < 0) {
            return;
        }
        ClientRecord rec = new ClientRecord(number);
        rec.addCall(r.straceText());
        if (r.failed()) {
            rec.state = ClientState.FAILED;
            rec.errno = r.errno();
            rec.failedCall = r.call();
        } else {
            rec.fd = (int) r.result();
            ClientRecord previous = byFd.put(rec.fd, rec);
            if (previous != null) {
                previous.fd = -1; // the kernel only hands out a closed number again
            }
        }
        byNumber.put(number, rec);
        touched.add(rec);
    }

    private void applyServer(ServerEvent event, Set<ClientRecord> touched) {
        SockAddrIn acceptedPeer = server.apply(event);
        if (acceptedPeer != null) {
            for (ClientRecord rec : byFd.values()) {
                if (acceptedPeer.equals(rec.local) || (rec.local == null && rec.kernelLocalPort == acceptedPeer.port())) {
                    ClientCalls.accepted(rec, server.acceptedFd(acceptedPeer));
                    touched.add(rec);
                }
            }
            return;
        }
        if (!(event instanceof ServerEvent.CallReturned r) || event.actor().kind() != Actor.Kind.CONNECTION) {
            return;
        }
        // a class's load is mostly recv()s with data and send()s, which change no client; the window runs on the
        // quick JIT, which allocates even an empty map's iterator, so look at the clients only when one may change
        boolean endOfFile = r.stage() == Step.RECV && !r.failed() && r.result() == 0;
        boolean reset = r.stage() == Step.RECV && r.failed() && "ECONNRESET".equals(r.errno().name());
        boolean closed = r.stage() == Step.CLOSE_CLIENT && !r.failed();
        if (byNumber.isEmpty() || !(endOfFile || reset || closed)) {
            return;
        }
        for (ClientRecord rec : byNumber.values()) {
            if (rec.acceptedBy < 0 || rec.acceptedBy != r.actor().fd()) {
                continue;
            }
            if (endOfFile) {
                // the server read end-of-file: the client's FIN has arrived, even if the client's own
                // close() or shutdown() returns (and is published) only after the server has closed too
                ClientCalls.finArrived(rec);
                touched.add(rec);
            } else if (reset) {
                rec.serverSawReset = true;
                rec.noteLast(Kind.RST, Note.SERVER_SAW_ECONNRESET);
                touched.add(rec);
            } else if (closed) {
                ClientCalls.serverClosed(rec);
                rec.acceptedBy = -1;
                touched.add(rec);
            }
        }
    }

    private void applyKernel(KernelSnapshot snap, Set<ClientRecord> touched) {
        if (!snap.available()) {
            return;
        }
        for (ClientRecord rec : byFd.values()) {
            TcpSocketRow own = ownRow(rec, snap);
            int port = own != null ? own.localPort() : rec.localPort();
            TcpSocketRow serverSide = port == 0 ? null : snap.rows().stream()
                    .filter(row -> row.localPort() == snap.port() && row.remotePort() == port
                            && row.state() != TcpState.LISTEN)
                    .findFirst().orElse(null);
            TcpState ownState = own == null ? null : own.state();
            TcpState serverState = serverSide == null ? null : serverSide.state();
            if (own != null && rec.local == null) {
                rec.kernelLocalPort = own.localPort();
            }
            if (ownState != rec.ownRow || serverState != rec.serverRow) {
                rec.ownRow = ownState;
                rec.serverRow = serverState;
                ClientCalls.kernelSeen(rec);
                touched.add(rec);
            }
        }
    }

    private static TcpSocketRow ownRow(ClientRecord rec, KernelSnapshot snap) {
        for (TcpSocketRow row : snap.rows()) {
            boolean sameInode = rec.inode > 0 && row.inode() == rec.inode;
            boolean samePort = rec.localPort() != 0 && row.localPort() == rec.localPort()
                    && row.remotePort() == snap.port();
            if (sameInode || samePort) {
                return row;
            }
        }
        return null;
    }

    /** Bytes as the chat shows them. */
    static String escaped(byte[] data) {
        return data == null ? "" : StraceText.escape(data);
    }

    List<ClientRecord> open() {
        return new ArrayList<>(byFd.values());
    }

    /** The port this app's server listens on, as its events told; 0 while unknown. */
    public int serverPort() {
        return server.port();
    }
}
