package org.socketstage.socket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.EnumMap;
import java.util.Map;

/**
 * One handle of the java.nio backend. It starts as a mere promise (Java has no socket without a role),
 * becomes a {@link ServerSocketChannel} at listen() or a {@link SocketChannel} at connect() or accept(),
 * and keeps the options set before that moment to apply them then.
 *
 * <p>Channels are non-blocking and watched by the handle's own selectors ({@link ChannelWatch}): that is
 * what makes poll() possible; the blocking calls of the interface are select loops on top.
 */
final class NioSocket {

    private final Map<org.socketstage.socket.SocketOption, Integer> options =
            new EnumMap<>(org.socketstage.socket.SocketOption.class);
    private final ChannelWatch incoming = new ChannelWatch();
    private final ChannelWatch outgoing = new ChannelWatch();
    private volatile SockAddrIn recordedBind;
    private volatile ServerSocketChannel listening;
    private volatile SocketChannel connection;
    private volatile boolean closed;

    NioSocket() {}

    NioSocket(SocketChannel accepted) throws IOException {
        accepted.configureBlocking(false);
        this.connection = accepted;
    }

    SockAddrIn recordedBind() {
        return recordedBind;
    }

    void recordBind(SockAddrIn address) {
        this.recordedBind = address;
    }

    /** SO_RCVTIMEO or SO_SNDTIMEO in milliseconds as a wait for {@link #await}: -1 (no limit) when unset or 0. */
    synchronized long timeout(org.socketstage.socket.SocketOption option) {
        Integer millis = options.get(option);
        return millis == null || millis <= 0 ? -1 : millis;
    }

    ServerSocketChannel listening() {
        return listening;
    }

    SocketChannel connection() {
        return connection;
    }

    boolean hasChannel() {
        return listening != null || connection != null;
    }

    synchronized void setOption(org.socketstage.socket.SocketOption option, int value) throws IOException {
        boolean bufferSize = option == org.socketstage.socket.SocketOption.SO_RCVBUF
                || option == org.socketstage.socket.SocketOption.SO_SNDBUF;
        if (bufferSize && value < 0) {
            // checked now, or the bad value would stay recorded and make listen() or connect() fail later
            throw new IllegalArgumentException("a buffer size cannot be negative, got " + value);
        }
        options.put(option, value);
        NetworkChannel channel = listening != null ? listening : connection;
        if (channel != null) {
            apply(channel, option, value);
        }
    }

    /**
     * Binds and listens in one step, as java.nio only can. The kernel's default is SO_REUSEADDR off while
     * Java's is on: unless the program set it, it is switched off so both backends start alike.
     */
    synchronized void listen(int backlog) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.INET);
        try {
            options.putIfAbsent(org.socketstage.socket.SocketOption.SO_REUSEADDR, 0);
            applyAll(channel);
            channel.bind(recordedBind == null ? null : toJava(recordedBind), backlog);
            channel.configureBlocking(false);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        listening = channel;
    }

    /** The client side: the channel opens here, bound first if bind() was called before connect(). */
    synchronized SocketChannel openForConnect() throws IOException {
        if (connection == null) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.INET);
            try {
                applyAll(channel);
                if (recordedBind != null) {
                    channel.bind(toJava(recordedBind));
                }
                channel.configureBlocking(false);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            connection = channel;
        }
        return connection;
    }

    /**
     * Waits until one of the selection {@code ops} is ready: returns the ready ops, 0 on timeout.
     * A negative timeout waits without limit; 0 only looks.
     */
    int await(int ops, long timeoutMillis) throws IOException {
        SelectableChannel channel = listening != null ? listening : connection;
        if (channel == null || closed) {
            throw new ClosedChannelException();
        }
        int inOps = ops & (SelectionKey.OP_ACCEPT | SelectionKey.OP_READ);
        int outOps = ops & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT);
        if (inOps == 0) {
            return outgoing.await(channel, outOps, timeoutMillis);
        }
        if (outOps == 0) {
            return incoming.await(channel, inOps, timeoutMillis);
        }
        // both directions: a socket is nearly always writable, so look there first, then wait for input
        int ready = outgoing.await(channel, outOps, 0);
        if (ready != 0) {
            return ready | incoming.await(channel, inOps, 0);
        }
        ready = incoming.await(channel, inOps, timeoutMillis);
        return ready | outgoing.await(channel, outOps, 0);
    }

    /**
     * Closing the selectors as well matters: a channel registered with a selector keeps its kernel socket
     * (and its port) until the selector lets go of it. It also wakes a thread blocked in select().
     */
    void close() throws IOException {
        closed = true;
        try {
            if (listening != null) {
                listening.close();
            }
            if (connection != null) {
                connection.close();
            }
        } finally {
            try {
                incoming.close();
            } finally {
                outgoing.close();
            }
        }
    }

    private void applyAll(NetworkChannel channel) throws IOException {
        for (Map.Entry<org.socketstage.socket.SocketOption, Integer> e : options.entrySet()) {
            apply(channel, e.getKey(), e.getValue());
        }
    }

    /** Options a channel type lacks (SO_LINGER on a listener) stay recorded, as in the kernel they do nothing. */
    private static void apply(NetworkChannel channel, org.socketstage.socket.SocketOption option, int value)
            throws IOException {
        switch (option) {
            case SO_REUSEADDR -> set(channel, StandardSocketOptions.SO_REUSEADDR, value != 0);
            case SO_LINGER -> set(channel, StandardSocketOptions.SO_LINGER, value < 0 ? -1 : value);
            case SO_RCVBUF -> set(channel, StandardSocketOptions.SO_RCVBUF, value);
            case SO_SNDBUF -> set(channel, StandardSocketOptions.SO_SNDBUF, value);
            case TCP_NODELAY -> set(channel, StandardSocketOptions.TCP_NODELAY, value != 0);
            case SO_KEEPALIVE -> set(channel, StandardSocketOptions.SO_KEEPALIVE, value != 0);
            case TCP_KEEPIDLE -> set(channel, jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE, value);
            case TCP_KEEPINTVL -> set(channel, jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL, value);
            case TCP_KEEPCNT -> set(channel, jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT, value);
            case SO_RCVTIMEO, SO_SNDTIMEO -> {
                // kept here: recv() and send() of this backend wait with it (java.nio has no such option)
            }
        }
    }

    private static <T> void set(NetworkChannel channel, SocketOption<T> option, T value) throws IOException {
        if (channel.supportedOptions().contains(option)) {
            channel.setOption(option, value);
        }
    }

    static InetSocketAddress toJava(SockAddrIn address) throws IOException {
        return new InetSocketAddress(InetAddress.getByAddress(address.address()), address.port());
    }

    static SockAddrIn fromJava(java.net.SocketAddress address) {
        InetSocketAddress inet = (InetSocketAddress) address;
        byte[] raw = inet.getAddress().getAddress();
        return new SockAddrIn(raw.length == 4 ? raw : SockAddrIn.INADDR_ANY, inet.getPort());
    }
}
