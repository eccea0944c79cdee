package org.socketstage.ui.schematic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;

/**
 * What the stage shows, rebuilt from events alone (so the history scrubber can reset it and replay): the
 * listening socket, the accept queue, one row per client with its connection, and the envelopes in flight.
 * Plain Java: the ViewModel turns it into a {@link StageFrame}. Not thread-safe; fed on one thread.
 */
final class StageModel {

    /** The row id of the "and N more clients" row that stands for every client past the drawn ones. */
    static final long GROUP = 0;
    static final int DEFAULT_MAX_ROWS = 8;
    /** Failed connects stay drawn so the refusal can be seen; this many at most. */
    static final int MAX_FAILED_KEPT = 3;

    Listener listener = new Listener();
    final Peers peers = new Peers();
    final List<Long> queue = new ArrayList<>();
    final Envelopes envelopes = new Envelopes();
    private final Map<Integer, Peer> clientFds = new HashMap<>();
    private final ServerRules serverRules = new ServerRules(this);
    private final ClientRules clientRules = new ClientRules(this);
    private final KernelRules kernelRules = new KernelRules(this);
    private long nextPeerId = 1;
    private int maxRows = DEFAULT_MAX_ROWS;

    /** Set by the ViewModel before each batch: the clock, the time one call's animation may take, the mode. */
    long now;
    long budget;
    boolean live;
    /** True while a reset() is followed by replayed events: envelopes land at once. */
    boolean rebuilding;
    String captionKey = "";
    Object[] captionArgs = {};

    void reset() {
        listener = new Listener();
        peers.clear();
        queue.clear();
        envelopes.clear();
        clientFds.clear();
        say("");
    }

    void apply(ServerEvent event) {
        Actor.Kind kind = event.actor().kind();
        if (event instanceof ServerEvent.KernelChanged k) {
            kernelRules.apply(k);
        } else if (kind == Actor.Kind.CLIENT) {
            clientRules.apply(event);
        } else if (kind == Actor.Kind.SERVER || kind == Actor.Kind.CONNECTION) {
            serverRules.apply(event);
        }
    }

    /** A new server run: its sockets start from nothing; the app's own clients stay, outside ones go. */
    void newRun() {
        listener = new Listener();
        queue.clear();
        envelopes.clear();
        peers.removeIf(p -> !p.builtIn());
        for (Peer p : peers.values()) {
            p.server = Peer.ServerPhase.NONE;
            p.serverFd = -1;
            p.serverTimeWait = false;
            p.serverRow = null;
            p.acceptCall = null;
        }
    }

    void say(String key, Object... args) {
        captionKey = key;
        captionArgs = args;
    }

    // --- peers

    Peer newPeer(int clientNumber, Peer.ClientPhase phase, CallRef madeBy) {
        Peer p = new Peer(nextPeerId++, clientNumber, phase);
        p.madeBy = madeBy;
        p.lastCall = madeBy;
        peers.add(p);
        return p;
    }

    Peer builtIn(int number) {
        for (Peer p : peers.values()) {
            if (p.clientNumber == number) {
                return p;
            }
        }
        return null;
    }

    Peer byAddress(String address) {
        if (address.isEmpty()) {
            return null;
        }
        Peer found = null;
        for (Peer p : peers.values()) {
            if (p.address.equals(address)) {
                found = p; // the newest wins: a port can be used again once the old socket is gone
            }
        }
        return found;
    }

    /** The open server-side connection with this descriptor (numbers are reused after close()). */
    Peer byServerFd(int fd) {
        for (int i = 0, n = peers.size(); i < n; i++) {
            Peer p = peers.at(i);
            if (p.serverFd == fd && p.server != Peer.ServerPhase.CLOSED) {
                return p;
            }
        }
        return null;
    }

    Peer byClientFd(int fd) {
        return clientFds.get(fd);
    }

    void clientFd(Peer p, int fd) {
        if (p.clientFd >= 0) {
            clientFds.remove(p.clientFd, p);
        }
        p.clientFd = fd;
        if (fd >= 0) {
            clientFds.put(fd, p);
        }
    }

    Peer byInode(long inode) {
        if (inode <= 0) {
            return null;
        }
        for (Peer p : peers.values()) {
            if (p.inode == inode) {
                return p;
            }
        }
        return null;
    }

    /** The client at this address, made an outside client when no call has named it yet. */
    Peer peerAt(String address, CallRef evidence) {
        Peer p = byAddress(address);
        if (p == null) {
            p = newPeer(-1, Peer.ClientPhase.UNSEEN, evidence);
            p.address = address;
        }
        return p;
    }

    /**
     * A built-in client learnt its address; an outside row the kernel showed at that address before was this
     * client all along, so its server side moves over and the stand-in goes.
     */
    void addressKnown(Peer p, String address) {
        p.address = address;
        for (Peer other : List.copyOf(peers.values())) {
            if (other != p && !other.builtIn() && other.address.equals(address)) {
                p.server = other.server;
                p.serverFd = other.serverFd;
                p.serverRow = other.serverRow;
                p.serverTimeWait = other.serverTimeWait;
                p.acceptCall = other.acceptCall;
                p.bytesIn = other.bytesIn;
                p.bytesOut = other.bytesOut;
                p.handshakeDrawn |= other.handshakeDrawn;
                int at = queue.indexOf(other.id);
                if (at >= 0) {
                    queue.set(at, p.id);
                }
                envelopes.forgetRow(other.id);
                peers.remove(other);
            }
        }
    }

    // --- queue

    void enqueue(Peer p) {
        p.server = Peer.ServerPhase.QUEUED;
        if (!queue.contains(p.id)) {
            queue.add(p.id);
        }
    }

    /** Takes the peer out of the queue; returns the slot it held, or -1. */
    int dequeue(Peer p) {
        int at = queue.indexOf(p.id);
        if (at >= 0) {
            queue.remove(at);
        }
        return at;
    }

    // --- envelopes

    /** Sends one call's legs along the peer's row (or the group row when the peer is not drawn on its own). */
    void send(Peer p, CallRef cause, Envelope.Leg... legs) {
        if (p.elsewhere) {
            return;
        }
        envelopes.send(now, rebuilding ? 0 : budget, live, rowOf(p), p.id, List.of(legs), cause);
    }

    void setMaxRows(int rows) {
        maxRows = Math.max(2, rows);
    }

    int maxRows() {
        return maxRows;
    }

    /** The clients drawn on the stage, in the order they appeared. */
    List<Peer> drawnPeers() {
        List<Peer> drawn = new ArrayList<>(peers.size());
        for (Peer p : peers.values()) {
            if (!p.elsewhere) {
                drawn.add(p);
            }
        }
        return drawn;
    }

    /** How many rows are drawn one by one; the rest share the group row. */
    int shownRows(int drawn) {
        return drawn > maxRows ? maxRows - 1 : drawn;
    }

    /** The row a peer's envelopes go to: its own, or the group row. Asked for every envelope, so no list is made. */
    long rowOf(Peer p) {
        int drawn = 0;
        int index = -1;
        for (int i = 0, n = peers.size(); i < n; i++) {
            Peer q = peers.at(i);
            if (!q.elsewhere) {
                if (q.equals(p)) {
                    index = drawn;
                }
                drawn++;
            }
        }
        return index >= shownRows(drawn) ? GROUP : p.id;
    }

    // --- ending

    /** Notes that a side closed; without kernel tables a closed connection then leaves the stage. */
    void sideClosed(Peer p, long seq) {
        boolean over = p.builtIn() ? p.clientDone() && p.serverDone() : p.serverDone();
        if (over && p.endedAt < 0) {
            p.endedAt = seq;
        }
        if (over && !listener.kernelAvailable && !p.failedConnect()) {
            p.gone = true;
        }
    }

    /**
     * After a kernel snapshot: connections whose sockets the kernel no longer holds leave the stage (TIME_WAIT
     * rows keep them until the kernel drops them), and only the newest failed connects stay.
     */
    void sweep(long snapshotSeq) {
        int failed = 0;
        List<Peer> all = new ArrayList<>(peers.values());
        for (int i = all.size() - 1; i >= 0; i--) {
            Peer p = all.get(i);
            if (p.failedConnect()) {
                failed++;
                if (failed > MAX_FAILED_KEPT || p.removedFromPanel) {
                    remove(p);
                }
                continue;
            }
            // an outside client is only known through the kernel and the server: gone once neither holds it
            boolean over = p.builtIn()
                    ? p.clientDone() && p.serverDone() && p.endedAt >= 0 && p.endedAt < snapshotSeq
                    : p.serverDone();
            p.gone = over && !p.kernelHolds();
        }
    }

    /** Removes the rows that are gone once nothing flies on them any more, so a last FIN is seen to arrive. */
    void prune() {
        List<Peer> gone = new ArrayList<>();
        for (Peer p : peers.values()) {
            if (p.gone && !envelopes.flyingOn(p.id)) {
                gone.add(p);
            }
        }
        gone.forEach(this::remove);
    }

    void remove(Peer p) {
        peers.remove(p);
        queue.remove(p.id);
        if (p.clientFd >= 0) {
            clientFds.remove(p.clientFd, p);
        }
        envelopes.forgetRow(p.id);
    }
}
