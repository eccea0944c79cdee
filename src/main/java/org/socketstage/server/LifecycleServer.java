package org.socketstage.server;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.socketstage.socket.SocketApi;

/**
 * A real TCP server that runs the BSD-sockets flow one system call at a time and reports each call.
 * Owns its threads: start() starts them, stop() (or close()) ends them and closes every descriptor.
 */
public final class LifecycleServer implements AutoCloseable {

    private final ServerConfig config;
    private final SocketApi api;
    private final StepGate gate;
    private final EventBus bus;

    public LifecycleServer(ServerConfig config, SocketApi api, StepGate gate, EventBus bus) {
        this.config = config;
        this.api = api;
        this.gate = gate;
        this.bus = bus;
    }

    public ServerConfig config() {
        return config;
    }

    public SocketApi api() {
        return api;
    }

    public StepGate gate() {
        return gate;
    }

    public EventBus events() {
        return bus;
    }

    /** Starts the server thread; the first call it makes is socket(). */
    public void start() {
        throw new UnsupportedOperationException("being written");
    }

    /** Stops from any point, also while blocked in accept() or recv(); true when every thread ended in time. */
    public boolean stop(Duration timeout) {
        throw new UnsupportedOperationException("being written");
    }

    public ServerState state() {
        throw new UnsupportedOperationException("being written");
    }

    public OptionalInt listeningFd() {
        throw new UnsupportedOperationException("being written");
    }

    public List<ConnectionInfo> connections() {
        throw new UnsupportedOperationException("being written");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(1));
    }
}
