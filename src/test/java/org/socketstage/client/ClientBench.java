package org.socketstage.client;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.socketstage.event.EventBus;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.LifecycleServer;
import org.socketstage.settings.PacingMode;
import org.socketstage.server.LinuxKernelView;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.server.StepGate;
import org.socketstage.socket.NativeSocketApi;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SocketApi;

/**
 * The parts the client panel works with, for engine tests: one event bus, the native socket layer, a fleet of
 * clients, a tracker fed from the bus as the panel's ViewModel is fed, and optionally the app's real server.
 */
final class ClientBench implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    final EventBus bus = new EventBus();
    final SocketApi api = new NativeSocketApi();
    final ClientFleet fleet;
    final List<ServerEvent> events = new CopyOnWriteArrayList<>();
    private final ClientTracker tracker = new ClientTracker();
    private final EventBus.Subscription subscription;
    private final List<LifecycleServer> servers = new ArrayList<>();
    private final List<Integer> rawSockets = new ArrayList<>();
    StepGate gate;

    ClientBench() {
        this(ClientFleet.DEFAULT_CAP);
    }

    ClientBench(int cap) {
        fleet = new ClientFleet(api, bus, cap);
        subscription = bus.subscribe("client-bench", e -> {
            synchronized (tracker) {
                events.add(e);
                tracker.apply(e);
            }
        });
    }

    /** Starts the app's server on 127.0.0.1 with a kernel-chosen port, watching the kernel table. */
    LifecycleServer startServer(PacingMode mode, int backlog) {
        gate = new StepGate(mode, 0);
        LifecycleServer server = new LifecycleServer(ServerConfig.defaults().withPort(0).withBacklog(backlog), api,
                gate, bus, new FaultPlan(), new LinuxKernelView());
        servers.add(server);
        server.start();
        return server;
    }

    LifecycleServer lastServer() {
        return servers.get(servers.size() - 1);
    }

    /** A client of the app's live server, already accept()ed. */
    TeachingClient acceptedClient() {
        LifecycleServer server = startServer(PacingMode.LIVE, 5);
        TeachingClient client = fleet.add(SockAddrIn.loopback(awaitListening(server)), 1, true).clients().get(0);
        awaitCard(client, r -> r.state() == ClientState.ACCEPTED);
        return client;
    }

    /**
     * A raw socket on a free loopback port, made with the socket layer and closed with the bench: bound only
     * ({@code backlog} 0: connect() is refused), or listening with that backlog and never accepting.
     */
    int rawListener(int backlog) throws Exception {
        int fd = api.socketTcp();
        rawSockets.add(fd);
        api.bind(fd, SockAddrIn.loopback(0));
        if (backlog > 0) {
            api.listen(fd, backlog);
        }
        return fd;
    }

    int portOf(int fd) throws Exception {
        return api.getsockname(fd).port();
    }

    /** Waits until the server's listen() returned and its port is known. */
    int awaitListening(LifecycleServer server) {
        await().atMost(WAIT).until(() -> returned(Step.LISTEN).stream().anyMatch(r -> !r.failed()));
        return server.boundPort();
    }

    /** Steps the server's held calls until the next held call is of this stage. */
    void stepUntilHeld(Step stage) {
        await().atMost(WAIT).until(() -> {
            var held = gate.held();
            if (!held.isEmpty() && held.get(0).stage() == stage) {
                return true;
            }
            gate.step();
            return false;
        });
    }

    List<ServerEvent.CallReturned> returned(Step stage) {
        return events.stream().filter(e -> e instanceof ServerEvent.CallReturned r && r.stage() == stage
                && r.actor().kind() != org.socketstage.event.Actor.Kind.CLIENT)
                .map(ServerEvent.CallReturned.class::cast).toList();
    }

    /** Reads the tracker's card for a client while the bus thread is not changing it. */
    <T> T card(TeachingClient client, Function<ClientRecord, T> read) {
        synchronized (tracker) {
            return tracker.clients().stream().filter(r -> r.number() == client.number()).findFirst()
                    .map(read).orElse(null);
        }
    }

    /** The events recorded so far and the live card's lists after exactly those events, read together. */
    Moment moment(TeachingClient client) {
        synchronized (tracker) {
            ClientRecord card = tracker.clients().stream().filter(r -> r.number() == client.number()).findFirst()
                    .orElseThrow();
            return new Moment(List.copyOf(events), card.calls(), card.chat(), card.segments());
        }
    }

    record Moment(List<ServerEvent> events, List<String> calls, List<ChatLine> chat, List<Segment> segments) {
    }

    void awaitCard(TeachingClient client, Predicate<ClientRecord> condition) {
        try {
            await().atMost(WAIT).until(() -> Boolean.TRUE.equals(card(client, condition::test)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the card never matched; it shows " + card(client, ClientBench::describe)
                    + "\nafter the events\n" + events.stream().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining("\n")), e);
        }
    }

    private static String describe(ClientRecord r) {
        return r.state() + " " + r.segments() + " " + r.calls() + " " + r.chat();
    }

    int cardCount() {
        synchronized (tracker) {
            return tracker.clients().size();
        }
    }

    @Override
    public void close() throws InterruptedException {
        fleet.closeAndWait(Duration.ofSeconds(3));
        servers.forEach(s -> s.stop(Duration.ofSeconds(2)));
        for (int fd : rawSockets) {
            try {
                api.close(fd);
            } catch (org.socketstage.socket.SyscallException alreadyClosed) {
                // a test closed it itself
            }
        }
        subscription.close();
    }
}
