package org.socketstage.settings;

/**
 * Everything the server needs before start. Built through {@link ConfigRules} when the values come from a
 * person, so each bad value gets its own message; the constructor only guards against programming errors.
 */
public record ServerConfig(
        String bindHost,
        int port,
        int backlog,
        boolean reuseAddr,
        Concurrency concurrency,
        int maxConnections,
        int recvBufferSize) {

    public static final int DEFAULT_PORT = 9090;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_BACKLOG = 5;
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    public static final int DEFAULT_RECV_BUFFER = 4096;

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
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT, DEFAULT_BACKLOG, true, Concurrency.ITERATIVE,
                DEFAULT_MAX_CONNECTIONS, DEFAULT_RECV_BUFFER);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(bindHost, newPort, backlog, reuseAddr, concurrency, maxConnections, recvBufferSize);
    }

    public ServerConfig withBindHost(String host) {
        return new ServerConfig(host, port, backlog, reuseAddr, concurrency, maxConnections, recvBufferSize);
    }

    public ServerConfig withBacklog(int newBacklog) {
        return new ServerConfig(bindHost, port, newBacklog, reuseAddr, concurrency, maxConnections, recvBufferSize);
    }

    public ServerConfig withReuseAddr(boolean on) {
        return new ServerConfig(bindHost, port, backlog, on, concurrency, maxConnections, recvBufferSize);
    }

    public ServerConfig withConcurrency(Concurrency c) {
        return new ServerConfig(bindHost, port, backlog, reuseAddr, c, maxConnections, recvBufferSize);
    }

    public ServerConfig withMaxConnections(int max) {
        return new ServerConfig(bindHost, port, backlog, reuseAddr, concurrency, max, recvBufferSize);
    }

    public ServerConfig withRecvBufferSize(int size) {
        return new ServerConfig(bindHost, port, backlog, reuseAddr, concurrency, maxConnections, size);
    }
}
