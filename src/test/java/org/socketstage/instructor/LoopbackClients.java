package org.socketstage.instructor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SocketOption;
import org.socketstage.socket.SyscallException;

/**
 * Real client sockets on 127.0.0.1 for the tests' classroom. Each client runs its calls in order on its own
 * thread and publishes them as the client panel does: actor CLIENT, call names connect/send/close.
 */
public final class LoopbackClients implements Classroom.ClientDriver {

    private static final int CONNECT_TIMEOUT_MILLIS = 15_000;
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final SocketApi api;
    private final EventBus bus;
    private final IntSupplier serverPort;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private volatile int lastConnectTimeoutMillis = -1;

    LoopbackClients(SocketApi api, EventBus bus, IntSupplier serverPort) {
        this.api = api;
        this.bus = bus;
        this.serverPort = serverPort;
    }

    private final class Client {
        final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-client-" + NUMBERS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        volatile int fd = -1;
        volatile SockAddrIn local;
        /** Guards the descriptor while connect() may still wait, so removeAll can wake it, as the panel does. */
        final Object connectGuard = new Object();
        boolean connecting;

        void connect(int port, int timeoutMillis) {
            try {
                fd = api.socketTcp();
                SockAddrIn target = SockAddrIn.loopback(port);
                synchronized (connectGuard) {
                    connecting = true;
                }
                publish(Step.ACCEPT, "connect", fd + ", " + target.straceText() + ", 16", () -> {
                    api.connect(fd, target, timeoutMillis);
                    local = api.getsockname(fd);
                    return 0;
                });
            } catch (SyscallException e) {
                // reported as an event, or socket() itself failed
            } finally {
                synchronized (connectGuard) {
                    connecting = false;
                }
            }
        }

        void send(String text) {
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            publishQuietly(Step.SEND, "send", fd + ", ..., " + data.length, () -> api.send(fd, data, 0, data.length, 0));
        }

        void close(boolean reset) {
            if (fd < 0) {
                return;
            }
            int f = fd;
            fd = -1;
            if (reset) {
                publishQuietly(Step.SETSOCKOPT, "setsockopt", f + ", SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=0}, 8",
                        () -> {
                            api.setsockopt(f, SocketOption.SO_LINGER, 0);
                            return 0;
                        });
            }
            publishQuietly(Step.CLOSE_CLIENT, "close", Integer.toString(f), () -> {
                api.close(f);
                return 0;
            });
        }

        interface Call {
            long run() throws SyscallException;
        }

        void publishQuietly(Step stage, String call, String args, Call body) {
            try {
                publish(stage, call, args, body);
            } catch (SyscallException e) {
                // reported as an event
            }
        }

        void publish(Step stage, String call, String args, Call body) throws SyscallException {
            Actor actor = Actor.client(fd, local);
            bus.publish((seq, time) -> new ServerEvent.CallStarted(seq, time, actor, stage, call, args));
            try {
                long result = body.run();
                Actor after = Actor.client(fd, local);
                bus.publish((seq, time) -> new ServerEvent.CallReturned(seq, time, after, stage, call, args, result,
                        null, false, null, null, null, null, 0));
            } catch (SyscallException e) {
                bus.publish((seq, time) -> new ServerEvent.CallReturned(seq, time, actor, stage, call, args, -1,
                        e.errno(), e.simulated(), e.note(), null, null, null, 0));
                throw e;
            }
        }
    }

    @Override
    public void connect(int count) {
        connect(count, java.time.Duration.ofMillis(CONNECT_TIMEOUT_MILLIS));
    }

    @Override
    public void connect(int count, java.time.Duration connectTimeout) {
        int port = serverPort.getAsInt();
        int timeout = (int) connectTimeout.toMillis();
        lastConnectTimeoutMillis = timeout;
        for (int i = 0; i < count; i++) {
            Client c = new Client();
            clients.add(c);
            c.thread.execute(() -> c.connect(port, timeout));
        }
    }

    /** The connect timeout the last demonstration asked its clients to use, or -1. */
    int lastConnectTimeoutMillis() {
        return lastConnectTimeoutMillis;
    }

    @Override
    public void send(String text) {
        Client c = newest();
        c.thread.execute(() -> c.send(text));
    }

    @Override
    public void close() {
        if (clients.isEmpty()) {
            return;
        }
        Client c = newest();
        c.thread.execute(() -> c.close(false));
    }

    @Override
    public void reset() {
        Client c = newest();
        c.thread.execute(() -> c.close(true));
    }

    @Override
    public void removeAll() {
        for (Client c : clients) {
            synchronized (c.connectGuard) {
                if (c.connecting) {
                    try {
                        api.shutdown(c.fd, org.socketstage.socket.Shutdown.SHUT_RDWR); // ends a connect() still waiting
                    } catch (SyscallException e) {
                        // the connection attempt is over already
                    }
                }
            }
        }
        for (Client c : clients) {
            c.thread.execute(() -> c.close(false));
            c.thread.shutdown();
        }
        for (Client c : clients) {
            try {
                c.thread.awaitTermination(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        clients.clear();
    }

    int count() {
        return clients.size();
    }

    private Client newest() {
        if (clients.isEmpty()) {
            throw new IllegalStateException("no client yet");
        }
        return clients.get(clients.size() - 1);
    }
}
