package org.socketstage.session;

import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.socketstage.client.ClientFleet;
import org.socketstage.client.TeachingClient;
import org.socketstage.instructor.Classroom;
import org.socketstage.settings.ServerConfig;
import org.socketstage.socket.SockAddrIn;

/** A demonstration's clients: the client panel's own, so each one shows as a card. */
final class SessionClients implements Classroom.ClientDriver {

    private final ClientFleet fleet;
    private final Supplier<ServerConfig> config;
    private final IntSupplier boundPort;

    SessionClients(ClientFleet fleet, Supplier<ServerConfig> config, IntSupplier boundPort) {
        this.fleet = fleet;
        this.config = config;
        this.boundPort = boundPort;
    }

    @Override
    public void connect(int count) {
        connect(count, java.time.Duration.ofMillis(fleet.connectTimeoutMillis()));
    }

    @Override
    public void connect(int count, java.time.Duration connectTimeout) {
        int timeout = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        ServerConfig c = config.get();
        // a server on every interface is reached here through loopback
        String host = "0.0.0.0".equals(c.bindHost()) ? "127.0.0.1" : c.bindHost();
        int port = boundPort.getAsInt() > 0 ? boundPort.getAsInt() : c.port();
        try {
            fleet.add(SockAddrIn.of(host, port), count, true, timeout);
        } catch (UnknownHostException e) {
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
        fleet.removeAll();
    }

    private Optional<TeachingClient> newest() {
        List<TeachingClient> all = fleet.clients();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
