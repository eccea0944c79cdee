package org.socketstage.instructor;

import java.time.Duration;
import java.util.function.Predicate;
import org.socketstage.event.EventBus;
import org.socketstage.server.FaultPlan;
import org.socketstage.server.LifecycleServer;
import org.socketstage.settings.PacingMode;
import org.socketstage.server.ProcKernelView;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.ServerEvent;
import org.socketstage.server.StepGate;
import org.socketstage.socket.NativeSocketApi;
import org.socketstage.socket.SocketApi;

/**
 * A classroom as the GUI would offer it, without the GUI: a real LifecycleServer per run (libc sockets, the
 * kernel view from /proc) on 127.0.0.1, one gate and one fault plan for every run, and real client sockets.
 */
public final class LoopbackClassroom implements Classroom, AutoCloseable {

    private final SocketApi api = new NativeSocketApi();
    private final EventBus bus;
    private final StepGate gate = new StepGate(PacingMode.LIVE, 0);
    private final FaultPlan faults = new FaultPlan();
    private final LoopbackClients clients;
    private volatile ServerConfig config;
    private volatile LifecycleServer server;

    public LoopbackClassroom(EventBus bus, ServerConfig config) {
        this.bus = bus;
        this.config = config;
        this.clients = new LoopbackClients(api, bus, this::serverPort);
    }

    /** Loopback, a port the kernel picks, the iterative server. */
    public static ServerConfig anyPort() {
        return ServerConfig.defaults().withPort(0);
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
        return config;
    }

    @Override
    public void configure(ServerConfig newConfig) {
        config = newConfig;
    }

    @Override
    public StepGate gate() {
        return gate;
    }

    @Override
    public FaultPlan faults() {
        return faults;
    }

    @Override
    public boolean serverRunning() {
        LifecycleServer s = server;
        return s != null && s.isRunning();
    }

    @Override
    public synchronized void startServer() {
        if (serverRunning()) {
            throw new IllegalStateException("already running");
        }
        server = new LifecycleServer(config, api, gate, bus, faults, new ProcKernelView());
        server.start();
    }

    @Override
    public synchronized void stopServer() {
        LifecycleServer s = server;
        if (s != null && !s.stop(Duration.ofSeconds(3))) {
            throw new IllegalStateException("server did not stop");
        }
    }

    @Override
    public int serverPort() {
        LifecycleServer s = server;
        return s == null ? -1 : s.boundPort();
    }

    @Override
    public LoopbackClients clients() {
        return clients;
    }

    @Override
    public boolean awaitEvent(Predicate<ServerEvent> match, Duration timeout) {
        return bus.awaitEvent(match, timeout);
    }

    @Override
    public void close() {
        stopServer();
        clients.removeAll();
    }
}
