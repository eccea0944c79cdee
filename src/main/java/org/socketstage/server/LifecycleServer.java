package org.socketstage.server;

import org.socketstage.settings.Concurrency;
import org.socketstage.settings.ServerConfig;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.socketstage.socket.Accepted;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SocketConstants;
import org.socketstage.socket.Shutdown;
import org.socketstage.socket.SyscallException;

/**
 * A real TCP server that runs the BSD-sockets flow one system call at a time and reports each call.
 * Owns its threads: start() starts them, stop() (or close()) ends them and closes every descriptor.
 * One instance runs once; start a new one to run again.
 */
public final class LifecycleServer implements Server {

    private static final int POLL_MILLIS = 100;
    private static final int ACCEPT_RETRY_MILLIS = 200;

    private final ServerConfig config;
    private final SocketApi api;
    private final StepGate gate;
    private final EventBus bus;
    private final FaultPlan faults;
    private final CallTracer tracer;
    private final KernelView kernelView;
    private final AtomicReference<ServerState> state = new AtomicReference<>(ServerState.IDLE);
    /**
     * The connections being served, by identity: never by fd, since a finished connection's number may already
     * be a new connection's when its thread removes it (that let the limit be exceeded under churn).
     */
    private final Set<ConnectionSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<ConnectionSession, Thread> sessionThreads = new ConcurrentHashMap<>();
    private final Object capacity = new Object();
    private volatile boolean stopping;
    private final ListeningSocketSetup setup;
    private volatile Thread serverThread;

    public LifecycleServer(ServerConfig config, SocketApi api, StepGate gate, EventBus bus) {
        this(config, api, gate, bus, new FaultPlan(), KernelView.NONE);
    }

    public LifecycleServer(ServerConfig config, SocketApi api, StepGate gate, EventBus bus, FaultPlan faults,
            KernelView kernelView) {
        this.config = config;
        this.api = api;
        this.gate = gate;
        this.bus = bus;
        this.faults = faults;
        this.kernelView = kernelView;
        this.tracer = new CallTracer(bus, gate, faults);
        this.setup = new ListeningSocketSetup(config, api, tracer, faults);
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

    public FaultPlan faults() {
        return faults;
    }

    /** Starts the server thread; the first call it makes is socket(). */
    @Override
    public synchronized void start() {
        if (serverThread != null) {
            throw new IllegalStateException("a LifecycleServer runs once; create a new one to run again");
        }
        gate.reset();
        state.set(ServerState.RUNNING);
        Thread t = new Thread(this::run, "socketstage-server");
        t.setDaemon(true);
        serverThread = t;
        t.start();
    }

    private void run() {
        WorkerPriority.applyToServerThread();
        tracer.state(ServerState.RUNNING, "server thread started; socket layer: " + api.name());
        String failure = null;
        try {
            int fd = setup.open();
            kernelView.start(setup.boundPort(), config.backlog(), snapshot -> bus.publish((seq, time) ->
                    new ServerEvent.KernelChanged(seq, time, Actor.KERNEL, snapshot)));
            acceptLoop(fd);
        } catch (ListeningSocketSetup.SetupFailed f) {
            failure = f.getMessage();
        } catch (StepGate.Cancelled c) {
            // stop() was called; fall through to the clean-up
        } catch (SyscallException e) {
            failure = e.call() + " failed: " + e.errno().straceText();
        } catch (RuntimeException e) {
            failure = "internal error: " + e;
        } finally {
            endSessions();
            kernelView.stop();
            closeListener();
            ServerState end = failure != null ? ServerState.FAILED : ServerState.STOPPED;
            synchronized (state) {
                state.set(end);
                tracer.state(end, failure != null ? failure : "every socket closed");
            }
        }
    }

    private void acceptLoop(int fd) throws SyscallException {
        String before = fd + ", ..., [16]";
        while (!stopping) {
            waitForCapacity();
            Accepted a;
            try {
                a = tracer.call(Actor.SERVER, Step.ACCEPT, "accept", before, true,
                        () -> {
                            awaitReadable(fd);
                            return api.accept(fd);
                        },
                        acc -> new CallTracer.Report(acc.fd(), fd + ", " + acc.peer().straceText() + ", [16]", null,
                                acc.peer(), null, api.realFileDescriptors() ? null : "a Java handle number, not a kernel file descriptor"),
                        before, null);
            } catch (SyscallException e) {
                if (LISTENER_GONE.contains(e.errno().name())) {
                    throw e;
                }
                tracer.notice(Actor.SERVER, "accept() failed with " + e.errno().name()
                        + ": a real server reports it, waits a moment and goes back to accept()");
                backOff();
                continue;
            }
            serve(a);
        }
    }

    /** Errors that mean the listening socket itself is unusable; any other accept() error is one client's. */
    private static final java.util.Set<String> LISTENER_GONE = java.util.Set.of("EBADF", "EINVAL", "ENOTSOCK", "EOPNOTSUPP");

    /** After a failed accept() (say EMFILE) the client is still queued; retrying at once would spin. */
    private void backOff() {
        synchronized (capacity) {
            try {
                capacity.wait(ACCEPT_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serve(Accepted a) {
        kernelView.nudge();
        ConnectionSession s = new ConnectionSession(api, tracer, () -> stopping, a.fd(), a.peer(),
                config.recvBufferSize(), config.idleTimeoutSeconds());
        sessions.add(s);
        if (stopping) {
            s.wake(); // stop() may have looked at the sessions just before this one was added
        }
        if (config.concurrency() == Concurrency.ITERATIVE) {
            try {
                s.run();
            } finally {
                sessions.remove(s);
                kernelView.nudge();
            }
            return;
        }
        Thread t = new Thread(() -> {
            WorkerPriority.applyToServerThread();
            try {
                s.run();
            } finally {
                sessions.remove(s);
                sessionThreads.remove(s);
                kernelView.nudge();
                synchronized (capacity) {
                    capacity.notifyAll();
                }
            }
        }, "socketstage-conn-" + a.fd());
        t.setDaemon(true);
        sessionThreads.put(s, t);
        t.start();
    }

    /** At the connection limit the server stops accepting; new clients wait in the kernel's accept queue. */
    private void waitForCapacity() {
        boolean told = false;
        synchronized (capacity) {
            while (!stopping && sessions.size() >= config.maxConnections()) {
                if (!told) {
                    tracer.notice(Actor.SERVER, config.maxConnections() + " connections are open (the limit): "
                            + "new clients wait in the accept queue until one closes");
                    told = true;
                }
                try {
                    capacity.wait(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (stopping) {
            throw new StepGate.Cancelled();
        }
    }

    /** accept() would block in the kernel where no stop could reach it; poll with a timeout keeps us stoppable. */
    private void awaitReadable(int fd) throws SyscallException {
        while (api.poll(fd, SocketConstants.POLLIN, POLL_MILLIS) == 0) {
            if (stopping) {
                throw new StepGate.Cancelled();
            }
        }
    }

    private void endSessions() {
        for (Thread t : new ArrayList<>(sessionThreads.values())) {
            join(t, 1000);
        }
    }

    private void closeListener() {
        int fd = setup.fd();
        if (fd < 0) {
            return;
        }
        setup.closed(); // before close(): from then on the number may be another socket's
        String args = Integer.toString(fd);
        try {
            tracer.call(Actor.SERVER, Step.CLOSE_LISTENER, "close", args, false,
                    () -> {
                        api.close(fd);
                        return 0;
                    }, r -> CallTracer.Report.of(0, args), args, null);
        } catch (SyscallException e) {
            // reported as an event
        }
    }

    /**
     * Stops from any point, also while blocked in accept() or recv(), closes every descriptor and frees the port.
     * Returns true when every server thread ended within the timeout.
     */
    @Override
    public boolean stop(Duration timeout) {
        Thread t = serverThread;
        if (t == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        // "stop requested" reaches the bus before the thread can see the flag and report its end
        synchronized (state) {
            if (!stopping && state.compareAndSet(ServerState.RUNNING, ServerState.STOPPING)) {
                tracer.state(ServerState.STOPPING, "stop requested");
            }
            stopping = true;
        }
        gate.cancel();
        synchronized (capacity) {
            capacity.notifyAll();
        }
        // connections block in recv()/send() in the kernel: shutdown() is what wakes them
        for (ConnectionSession s : sessions) {
            s.wake();
        }
        join(t, Math.min(remainingMillis(deadline), 200));
        if (t.isAlive()) {
            wakeBlockedCalls();
        }
        join(t, remainingMillis(deadline));
        return !t.isAlive();
    }

    /**
     * Last resort for a thread stuck inside a native call (a send() to a peer that reads nothing):
     * shutdown() wakes it, where close() from another thread would not.
     */
    private void wakeBlockedCalls() {
        for (ConnectionSession s : sessions) {
            s.wake();
        }
        int fd = setup.fd();
        if (fd >= 0) {
            shutdownQuietly(fd);
        }
    }

    private void shutdownQuietly(int fd) {
        try {
            api.shutdown(fd, Shutdown.SHUT_RDWR);
        } catch (SyscallException e) {
            // already gone
        }
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the server thread has ended (after a failure or a stop); true if it has. */
    @Override
    public boolean awaitEnd(Duration timeout) {
        Thread t = serverThread;
        if (t == null) {
            return false;
        }
        join(t, Math.max(1, timeout.toMillis()));
        return !t.isAlive();
    }

    @Override
    public ServerState state() {
        return state.get();
    }

    @Override
    public boolean isRunning() {
        Thread t = serverThread;
        return t != null && t.isAlive();
    }

    public OptionalInt listeningFd() {
        int fd = setup.fd();
        return fd >= 0 ? OptionalInt.of(fd) : OptionalInt.empty();
    }

    /** The port the server is bound to (the kernel's pick when the config said 0), or -1 before bind. */
    @Override
    public int boundPort() {
        return setup.boundPort();
    }

    public List<ConnectionInfo> connections() {
        return sessions.stream().map(ConnectionSession::info).toList();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(1));
    }
}
