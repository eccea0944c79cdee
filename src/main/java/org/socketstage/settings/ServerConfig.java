package org.socketstage.settings;

/**
 * Everything the server needs before start. Built through {@link ConfigRules} when the values come from a
 * person, so each bad value gets its own message; the constructor only guards against programming errors.
 *
 * <p>Defaults: the iterative server keeps the classic teaching backlog of 5, so a few clients show the accept
 * queue filling; the threaded server gets a backlog of 128 so a whole class connecting at the same moment is
 * queued rather than left retrying SYNs (see {@link Concurrency#defaultBacklog()}). Up to 128 connections are
 * served at once, and a connection that sends nothing for 5 minutes is closed so it cannot hold a slot for
 * ever ({@code idleTimeoutSeconds}, 0 = never).
 */
public record ServerConfig(
        String bindHost,
        int port,
        int backlog,
        boolean reuseAddr,
        Concurrency concurrency,
        int maxConnections,
        int recvBufferSize,
        int idleTimeoutSeconds) {

    public static final int DEFAULT_PORT = 9090;
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** The iterative (teaching) default; the threaded one is {@link Concurrency#defaultBacklog()}. */
    public static final int DEFAULT_BACKLOG = Concurrency.ITERATIVE.defaultBacklog();
    public static final int DEFAULT_MAX_CONNECTIONS = 128;
    public static final int DEFAULT_RECV_BUFFER = 4096;
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 300;
    public static final int MAX_IDLE_TIMEOUT_SECONDS = 86_400;

    public ServerConfig {
        if (bindHost == null || bindHost.isBlank()) {
            throw new IllegalArgumentException("bind address is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be a number from 0 to 65535");
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1");
        }
        if (maxConnections < 1 || maxConnections > 1024) {
            throw new IllegalArgumentException("max connections must be from 1 to 1024");
        }
        if (recvBufferSize < 1 || recvBufferSize > 1 << 20) {
            throw new IllegalArgumentException("recv buffer must be from 1 byte to 1 MiB");
        }
        if (concurrency == null) {
            throw new IllegalArgumentException("concurrency is missing");
        }
        if (idleTimeoutSeconds < 0 || idleTimeoutSeconds > MAX_IDLE_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("idle timeout must be from 0 to " + MAX_IDLE_TIMEOUT_SECONDS + " s");
        }
    }

    /** The settings before anything was chosen, as before the idle timeout existed (kept for callers). */
    public ServerConfig(String bindHost, int port, int backlog, boolean reuseAddr, Concurrency concurrency,
            int maxConnections, int recvBufferSize) {
        this(bindHost, port, backlog, reuseAddr, concurrency, maxConnections, recvBufferSize,
                DEFAULT_IDLE_TIMEOUT_SECONDS);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT, DEFAULT_BACKLOG, true, Concurrency.ITERATIVE,
                DEFAULT_MAX_CONNECTIONS, DEFAULT_RECV_BUFFER, DEFAULT_IDLE_TIMEOUT_SECONDS);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(bindHost, newPort, backlog, reuseAddr, concurrency, maxConnections, recvBufferSize,
                idleTimeoutSeconds);
    }

    public ServerConfig withBindHost(String host) {
        return new ServerConfig(host, port, backlog, reuseAddr, concurrency, maxConnections, recvBufferSize,
                idleTimeoutSeconds);
    }

    public ServerConfig withBacklog(int newBacklog) {
        return new ServerConfig(bindHost, port, newBacklog, reuseAddr, concurrency, maxConnections, recvBufferSize,
                idleTimeoutSeconds);
    }

    public ServerConfig withReuseAddr(boolean on) {
        return new ServerConfig(bindHost, port, backlog, on, concurrency, maxConnections, recvBufferSize,
                idleTimeoutSeconds);
    }

    /** Changes only the concurrency; the backlog stays as it is (see {@link #switchConcurrency}). */
    public ServerConfig withConcurrency(Concurrency c) {
        return new ServerConfig(bindHost, port, backlog, reuseAddr, c, maxConnections, recvBufferSize,
                idleTimeoutSeconds);
    }

    /**
     * Changes the concurrency as a person choosing it expects: a backlog still at the old mode's default moves to
     * the new mode's default (iterative 5 → threaded 128 and back); a backlog someone chose stays.
     */
    public ServerConfig switchConcurrency(Concurrency c) {
        ServerConfig out = withConcurrency(c);
        return backlog == concurrency.defaultBacklog() ? out.withBacklog(c.defaultBacklog()) : out;
    }

    public ServerConfig withMaxConnections(int max) {
        return new ServerConfig(bindHost, port, backlog, reuseAddr, concurrency, max, recvBufferSize,
                idleTimeoutSeconds);
    }

    public ServerConfig withRecvBufferSize(int size) {
        return new ServerConfig(bindHost, port, backlog, reuseAddr, concurrency, maxConnections, size,
                idleTimeoutSeconds);
    }

    public ServerConfig withIdleTimeoutSeconds(int seconds) {
        return new ServerConfig(bindHost, port, backlog, reuseAddr, concurrency, maxConnections, recvBufferSize,
                seconds);
    }
}
