package org.socketstage.ui;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.socketstage.client.ClientFleet;
import org.socketstage.client.TeachingClient;
import org.socketstage.instructor.Classroom;
import org.socketstage.event.EventBus;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.LifecycleServer;
import org.socketstage.server.ServerConfig;
import org.socketstage.event.ServerEvent;
import org.socketstage.server.StepGate;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SocketApi;
import org.socketstage.ui.controls.ServerControlViewModel;
import org.socketstage.ui.controls.SettingsViewModel;

/**
 * The instructor's set-ups acting on the window itself: settings change in the settings pane, the server
 * starts and stops through the toolbar's ViewModel, and clients appear as cards in the client panel, so the
 * class sees every step. Called from the set-up's background thread; ViewModel access hops to the FX thread.
 */
final class WindowClassroom implements Classroom {

    private static final Duration START_WAIT = Duration.ofSeconds(3);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private final ServerControlViewModel control;
    private final SettingsViewModel settings;
    private final EventBus bus;
    private final SocketApi api;
    private final Supplier<ClientFleet> fleet;
    private final Clients clients = new Clients();

    WindowClassroom(ServerControlViewModel control, EventBus bus, SocketApi api, Supplier<ClientFleet> fleet) {
        this.control = control;
        this.settings = control.settings();
        this.bus = bus;
        this.api = api;
        this.fleet = fleet;
    }

    @Override
    public SocketApi socketApi() {
        return api;
    }

    @Override
    public EventBus bus() {
        return bus;
    }

    @Override
    public ServerConfig config() {
        return FxThread.call(() -> settings.toConfig().orElse(ServerConfig.defaults()));
    }

    @Override
    public void configure(ServerConfig config) {
        FxThread.run(() -> {
            settings.portProperty().set(Integer.toString(config.port()));
            settings.bindAddressProperty().set(config.bindHost());
            settings.backlogProperty().set(Integer.toString(config.backlog()));
            settings.reuseAddrProperty().set(config.reuseAddr());
            settings.concurrencyProperty().set(config.concurrency());
            control.adoptGate();
        });
    }

    @Override
    public StepGate gate() {
        return control.gate();
    }

    @Override
    public FaultPlan faults() {
        return control.faults();
    }

    @Override
    public boolean serverRunning() {
        return server().map(LifecycleServer::isRunning).orElse(false);
    }

    private Optional<LifecycleServer> server() {
        return FxThread.call(control::server);
    }

    @Override
    public void startServer() {
        LifecycleServer before = server().orElse(null);
        long end = System.nanoTime() + START_WAIT.toNanos();
        // a stop just made reaches the toolbar through the event pump; Start is allowed once it has
        while (!FxThread.call(() -> control.canStartProperty().get()) && System.nanoTime() < end) {
            awaitEvent(e -> e instanceof ServerEvent.StateChanged, Duration.ofMillis(50));
        }
        FxThread.run(() -> {
            control.adoptGate();
            control.start();
        });
        while (System.nanoTime() < end) {
            Optional<LifecycleServer> now = server();
            if (now.isPresent() && now.get() != before && now.get().state() != org.socketstage.event.ServerState.IDLE) {
                return;
            }
            awaitEvent(e -> e instanceof ServerEvent.StateChanged, Duration.ofMillis(100));
        }
    }

    @Override
    public void stopServer() {
        server().ifPresent(s -> s.stop(STOP_WAIT));
        FxThread.run(control::adoptGate);
    }

    @Override
    public int serverPort() {
        return server().map(LifecycleServer::boundPort).orElse(-1);
    }

    @Override
    public ClientDriver clients() {
        return clients;
    }

    @Override
    public boolean awaitEvent(Predicate<ServerEvent> match, Duration timeout) {
        return bus.awaitEvent(match, timeout);
    }

    /** Drives the client panel's own clients, so each shows as a card. */
    private final class Clients implements ClientDriver {

        @Override
        public void connect(int count) {
            connect(count, Duration.ofMillis(fleet.get().connectTimeoutMillis()));
        }

        @Override
        public void connect(int count, Duration connectTimeout) {
            ClientFleet f = fleet.get();
            ServerConfig config = config();
            String host = "0.0.0.0".equals(config.bindHost()) ? "127.0.0.1" : config.bindHost();
            int port = serverPort() > 0 ? serverPort() : config.port();
            try {
                f.add(SockAddrIn.of(host, port), count, true, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException("cannot resolve the server's address " + host, e);
            }
        }

        @Override
        public void send(String text) {
            newest().ifPresent(c -> c.sendText(text, false));
        }

        @Override
        public void close() {
            newest().ifPresent(TeachingClient::closeGracefully);
        }

        @Override
        public void reset() {
            newest().ifPresent(TeachingClient::abortWithReset);
        }

        @Override
        public void removeAll() {
            fleet.get().removeAll();
        }

        private Optional<TeachingClient> newest() {
            List<TeachingClient> all = fleet.get().clients();
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }
    }
}
