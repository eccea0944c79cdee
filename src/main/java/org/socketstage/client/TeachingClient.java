package org.socketstage.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.EventBus;
import org.socketstage.socket.Errno;
import org.socketstage.socket.Shutdown;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SocketConstants;
import org.socketstage.socket.SocketOption;
import org.socketstage.socket.SyscallException;
import org.socketstage.event.StraceText;

/**
 * One real client socket, driven by the client panel. Every action is queued to the client's own I/O thread,
 * which makes the real call and publishes it on the event bus; callers never block on the network.
 * While connected the thread waits in poll() so that it can take the next action or a stop at any time.
 */
public final class TeachingClient implements AutoCloseable {

    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5000;
    static final int RECV_BUFFER = 4096;
    private static final int POLL_MILLIS = 100;
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final SocketApi api;
    private final CallReporter report;
    private final SockAddrIn target;
    private final int connectTimeoutMillis;
    private final BlockingQueue<Runnable> actions = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread io;
    private final int number;

    private volatile boolean stopping;
    private volatile boolean inConnect;
    /** Held while connect() ends and while close() wakes it, so close() never shuts down a reused fd number. */
    private final Object connectGuard = new Object();
    private volatile ClientState state = ClientState.NOT_CONNECTED;
    private volatile Errno lastErrno;
    private volatile int fd = -1;
    private volatile SockAddrIn local;
    private boolean finSent;
    private volatile Runnable socketsChanged = () -> { };

    public TeachingClient(SocketApi api, EventBus bus, SockAddrIn target, int connectTimeoutMillis) {
        if (connectTimeoutMillis < 1) {
            throw new IllegalArgumentException("connect timeout must be at least 1 ms, was " + connectTimeoutMillis);
        }
        this.api = api;
        this.report = new CallReporter(bus);
        this.target = target;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.number = NUMBERS.incrementAndGet();
        this.io = new Thread(this::run, "socketstage-client-" + number);
        this.io.setDaemon(true);
    }

    /** Told when this client's connection may have changed in the kernel's table (connect, close). */
    public TeachingClient whenSocketsChange(Runnable told) {
        this.socketsChanged = told;
        return this;
    }

    /** Starts the I/O thread, whose first call is socket(). */
    public TeachingClient start() {
        actions.add(this::openSocket);
        io.start();
        return this;
    }

    public void connect() {
        actions.add(this::doConnect);
    }

    public void send(byte[] data) {
        byte[] copy = data.clone();
        actions.add(() -> doSend(copy));
    }

    public void sendText(String text, boolean addNewline) {
        send((addNewline ? text + "\n" : text).getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the line {@code exit}, on which the SocketStage server closes this client. */
    public void sendExit() {
        sendText("exit", true);
    }

    /** shutdown(SHUT_WR): sends FIN; the client can still receive until the server closes too. */
    public void halfClose() {
        actions.add(this::doHalfClose);
    }

    /** A graceful close(): FIN, and the connection winds down normally. */
    public void closeGracefully() {
        actions.add(() -> closeSocket(false));
    }

    /** SO_LINGER 0, then close(): the kernel sends RST and drops unsent data. */
    public void abortWithReset() {
        actions.add(() -> closeSocket(true));
    }

    /** Stops the I/O thread without blocking; the thread closes the socket first if it is still open. */
    @Override
    public void close() {
        stopping = true;
        synchronized (connectGuard) {
            if (inConnect && fd >= 0) {
                // a connect in progress only ends when the socket is shut down; close() from here would not wake it
                try {
                    api.shutdown(fd, Shutdown.SHUT_RDWR);
                } catch (SyscallException ignored) {
                    // the connect may have finished meanwhile; the I/O thread closes the socket either way
                }
            }
        }
    }

    /** Waits until the I/O thread has ended. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public ClientState state() {
        return state;
    }

    public Errno lastErrno() {
        return lastErrno;
    }

    /** The client's descriptor, or -1 before socket() returned and after close(). */
    public int fd() {
        return fd;
    }

    /** The address the kernel gave this end of the connection, or null before connect() returned. */
    public SockAddrIn local() {
        return local;
    }

    public SockAddrIn target() {
        return target;
    }

    public int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /** The client's number in the panel, e.g. 3 for "client #3"; unique for the app's life. */
    public int number() {
        return number;
    }

    public String threadName() {
        return io.getName();
    }

    private void run() {
        try {
            while (!stopping) {
                Runnable next = actions.poll();
                if (next != null) {
                    next.run();
                } else if (reading()) {
                    waitForData();
                } else {
                    next = actions.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        next.run();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            report.notice(actor(), ClientNotices.removed(number));
            closeSocket(false);
            ended.countDown();
        }
    }

    private boolean reading() {
        return fd >= 0 && state.connected();
    }

    private Actor actor() {
        return Actor.client(fd, local);
    }

    private void openSocket() {
        CallReporter.Call call = report.started(actor(), ClientCall.SOCKET, "AF_INET, SOCK_STREAM, 0");
        String note = ClientNotices.numberNote(number);
        FdLifecycle.exclusive(() -> {
            try {
                fd = api.socketTcp();
                call.returned(Actor.client(fd, null), CallArgs.of("AF_INET, SOCK_STREAM, 0"), fd, null, note);
            } catch (SyscallException e) {
                fail(e);
                call.failed(CallArgs.of("AF_INET, SOCK_STREAM, 0"), e, note);
            }
        });
        if (fd >= 0) {
            SocketInode.of(api, fd).ifPresent(inode -> report.notice(actor(), ClientNotices.inode(fd, inode)));
        }
    }

    private void doConnect() {
        if (fd < 0 || state != ClientState.NOT_CONNECTED) {
            return;
        }
        CallArgs args = CallArgs.connect(fd, target);
        state = ClientState.CONNECTING;
        CallReporter.Call call = report.started(actor(), ClientCall.CONNECT, args);
        inConnect = true;
        socketsChanged.run(); // a SYN is about to leave: the kernel shows SYN_SENT, or a queued connection
        try {
            api.connect(fd, target, connectTimeoutMillis);
            connectEnded();
            socketsChanged.run();
            call.returned(args, 0, null, target, target.structBytes());
            state = ClientState.CONNECTED_ACCEPT_UNKNOWN;
            learnLocalAddress();
        } catch (SyscallException e) {
            connectEnded();
            fail(e);
            call.failed(args, e, target);
            report.notice(actor(), ClientNotices.connectFailed(e.errno().name(), ClientErrnoText.sentence(e.errno())));
            closeSocket(false);
        }
    }

    private void connectEnded() {
        synchronized (connectGuard) {
            inConnect = false;
        }
    }

    private void learnLocalAddress() {
        CallArgs args = CallArgs.of(fd + ", ..., [16]");
        CallReporter.Call call = report.started(actor(), ClientCall.GETSOCKNAME, args);
        try {
            SockAddrIn me = api.getsockname(fd);
            local = me;
            call.returned(actor(), CallArgs.of(fd + ", " + me.straceText() + ", [16]"), 0, me, null);
        } catch (SyscallException e) {
            call.failed(args, e);
        }
    }

    private void doSend(byte[] data) {
        if (fd < 0 || !state.connected()) {
            return;
        }
        int offset = 0;
        while (offset < data.length) {
            byte[] part = Arrays.copyOfRange(data, offset, data.length);
            CallArgs args = CallArgs.of(fd + ", " + StraceText.quote(part) + ", " + part.length + ", MSG_NOSIGNAL");
            CallReporter.Call call = report.started(actor(), ClientCall.SEND, args);
            try {
                int n = api.send(fd, data, offset, part.length, 0);
                call.returned(args, n, Arrays.copyOf(part, n), null, null);
                offset += n;
            } catch (SyscallException e) {
                fail(e);
                call.failed(args, e);
                closeSocket(false);
                return;
            }
        }
    }

    private void waitForData() {
        int ready;
        try {
            ready = api.poll(fd, SocketConstants.POLLIN, POLL_MILLIS);
        } catch (SyscallException e) {
            fail(e);
            closeSocket(false);
            return;
        }
        if (ready != 0) {
            doRecv();
        }
    }

    private void doRecv() {
        byte[] buffer = new byte[RECV_BUFFER];
        CallReporter.Call call = report.started(actor(), ClientCall.RECV, fd + ", ..., " + RECV_BUFFER + ", 0");
        try {
            int n = api.recv(fd, buffer, RECV_BUFFER, 0);
            byte[] got = Arrays.copyOf(buffer, n);
            call.returned(CallArgs.of(fd + ", " + StraceText.quote(got) + ", " + RECV_BUFFER + ", 0"), n,
                    got, null, null);
            if (n == 0) {
                report.notice(actor(), ClientNotices.PEER_CLOSED);
                closeSocket(false);
            }
        } catch (SyscallException e) {
            fail(e);
            call.failed(fd + ", ..., " + RECV_BUFFER + ", 0", e);
            closeSocket(false);
        }
    }

    private void doHalfClose() {
        if (fd < 0 || !state.connected() || finSent) {
            return;
        }
        CallArgs args = CallArgs.of(fd + ", SHUT_WR");
        CallReporter.Call call = report.started(actor(), ClientCall.SHUTDOWN, args);
        try {
            api.shutdown(fd, Shutdown.SHUT_WR);
            call.returned(args, 0);
            finSent = true;
            state = ClientState.HALF_CLOSED;
        } catch (SyscallException e) {
            fail(e);
            call.failed(args, e);
        }
    }

    private void closeSocket(boolean reset) {
        if (fd < 0) {
            return;
        }
        if (reset) {
            CallArgs args = CallArgs.linger(fd, true, 0);
            CallReporter.Call call = report.started(actor(), ClientCall.SETSOCKOPT, args);
            try {
                api.setsockopt(fd, SocketOption.SO_LINGER, 0);
                call.returned(args, 0);
            } catch (SyscallException e) {
                call.failed(args, e);
            }
        }
        int closing = fd;
        CallReporter.Call call = report.started(actor(), ClientCall.CLOSE, Integer.toString(closing));
        FdLifecycle.exclusive(() -> {
            try {
                api.close(closing);
                call.returned(Integer.toString(closing), 0);
            } catch (SyscallException e) {
                call.failed(Integer.toString(closing), e);
            }
            fd = -1;
        });
        socketsChanged.run();
        if (state != ClientState.FAILED) {
            state = ClientState.CLOSED;
        }
    }

    /**
     * Stores the errno, then the FAILED state; called before the failed call is published, so whoever reacts to
     * that event already finds both here.
     */
    private void fail(SyscallException e) {
        lastErrno = e.errno();
        state = ClientState.FAILED;
    }
}
