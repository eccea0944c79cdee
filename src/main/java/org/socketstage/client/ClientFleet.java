package org.socketstage.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socketstage.event.EventBus;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SocketApi;

/**
 * The client panel's clients. Caps their number so that a classroom demo cannot exhaust descriptors, and says
 * so when the cap is reached. Adding and removing never block: each client does its I/O on its own thread.
 */
public final class ClientFleet implements AutoCloseable {

    public static final int DEFAULT_CAP = 32;

    /** What an add asked for and what it got: the clients started, and why any were refused (or null). */
    public record Admission(List<TeachingClient> clients, String refusal) {
        public boolean refusedAny() {
            return refusal != null;
        }
    }

    private final SocketApi api;
    private final EventBus bus;
    private final int cap;
    private final List<TeachingClient> clients = new ArrayList<>();
    private volatile int connectTimeoutMillis = TeachingClient.DEFAULT_CONNECT_TIMEOUT_MILLIS;
    private volatile Runnable socketsChanged = () -> { };

    public ClientFleet(SocketApi api, EventBus bus) {
        this(api, bus, DEFAULT_CAP);
    }

    public ClientFleet(SocketApi api, EventBus bus, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("the client cap must be at least 1, was " + cap);
        }
        this.api = api;
        this.bus = bus;
        this.cap = cap;
    }

    /** Told when a client connects or closes, so the kernel view can look at once rather than at its next turn. */
    public void whenSocketsChange(Runnable told) {
        this.socketsChanged = java.util.Objects.requireNonNull(told);
    }

    /** Creates clients (socket() each) for the target; when {@code connect} is true each also connects. */
    public Admission add(SockAddrIn target, int count, boolean connect) {
        return add(target, count, connect, connectTimeoutMillis);
    }

    /** The same, with a connect timeout for these clients only; the panel's setting stays as it is. */
    public synchronized Admission add(SockAddrIn target, int count, boolean connect, int connectTimeoutMillis) {
        if (connectTimeoutMillis < 1) {
            throw new IllegalArgumentException("connect timeout must be at least 1 ms, was " + connectTimeoutMillis);
        }
        int room = Math.max(0, cap - clients.size());
        int admitted = Math.min(room, Math.max(0, count));
        List<TeachingClient> started = new ArrayList<>();
        for (int i = 0; i < admitted; i++) {
            TeachingClient c = new TeachingClient(api, bus, target, connectTimeoutMillis)
                    .whenSocketsChange(socketsChanged).start();
            if (connect) {
                c.connect();
            }
            clients.add(c);
            started.add(c);
        }
        String refusal = admitted == count ? null : capMessage(admitted, count);
        return new Admission(List.copyOf(started), refusal);
    }

    private String capMessage(int admitted, int asked) {
        String head = admitted == 0 ? "No client added" : "Added " + admitted + " of " + asked + " clients";
        return head + ": the panel holds at most " + cap + " clients. Remove some to add more.";
    }

    public synchronized Optional<TeachingClient> byNumber(int number) {
        return clients.stream().filter(c -> c.number() == number).findFirst();
    }

    /** Closes the client (if its socket is open) and drops it from the panel. */
    public synchronized void remove(TeachingClient client) {
        if (clients.remove(client)) {
            client.close();
        }
    }

    public synchronized void removeAll() {
        clients.forEach(TeachingClient::close);
        clients.clear();
    }

    public synchronized List<TeachingClient> clients() {
        return List.copyOf(clients);
    }

    public synchronized int size() {
        return clients.size();
    }

    public int cap() {
        return cap;
    }

    public int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /** Applies to clients added from now on. */
    public void setConnectTimeoutMillis(int millis) {
        if (millis < 1) {
            throw new IllegalArgumentException("connect timeout must be at least 1 ms, was " + millis);
        }
        this.connectTimeoutMillis = millis;
    }

    @Override
    public void close() {
        removeAll();
    }

    /** Removes every client and waits for their threads; true when all ended in time. */
    public boolean closeAndWait(Duration timeout) throws InterruptedException {
        List<TeachingClient> all = clients();
        removeAll();
        long end = System.nanoTime() + timeout.toNanos();
        for (TeachingClient c : all) {
            if (!c.awaitStopped(Duration.ofNanos(Math.max(0, end - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }
}
