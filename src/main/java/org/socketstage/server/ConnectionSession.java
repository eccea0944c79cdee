package org.socketstage.server;

import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.Step;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.socketstage.log.LazyLogger;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SocketOption;
import org.socketstage.socket.SyscallException;

/**
 * One accepted client: the recv/send echo loop, then close(client). A line {@code exit} ends it, as does
 * recv() returning 0 (the peer closed its side), an error such as ECONNRESET, or the idle timeout.
 *
 * <p>recv() and send() block in the kernel for real, as in the C program: no poll() before each. A stop wakes
 * them with shutdown() ({@link #wake()}); the idle timeout is the kernel's own SO_RCVTIMEO/SO_SNDTIMEO, so a
 * client that sends nothing (or reads nothing) for that long makes the call give up with EAGAIN and the server
 * closes the connection, saying why. TCP keepalive is switched on so a peer that vanished without a FIN (a
 * laptop closed, a cable pulled) is noticed too. These options are the server's machinery, not lesson steps,
 * so they are set without being reported as calls.
 */
final class ConnectionSession implements Runnable {

    private static final System.Logger LOG = LazyLogger.of(ConnectionSession.class);
    /** Keepalive: first probe after a minute of silence, then every 10 s; 5 unanswered probes end it. */
    static final int KEEPALIVE_IDLE_SECONDS = 60;
    static final int KEEPALIVE_INTERVAL_SECONDS = 10;
    static final int KEEPALIVE_PROBES = 5;
    /**
     * The send buffer the partial-send demonstration asks for: small and fixed, so it fills after a few echoes
     * (left alone, Linux grows a send buffer up to tcp_wmem's maximum, 4 MiB by default).
     */
    static final int DEMO_SNDBUF = 16 * 1024;

    /** The kernel gave up waiting: the idle timeout fired in recv() or send(). */
    private static final class IdleTimeout extends RuntimeException {
        final boolean reading;

        IdleTimeout(boolean reading) {
            super(null, null, false, false);
            this.reading = reading;
        }
    }

    private final SocketApi api;
    private final CallTracer tracer;
    private final BooleanSupplier stopping;
    private final int fd;
    private final SockAddrIn peer;
    private final Actor actor;
    private final int bufferSize;
    private final int idleTimeoutSeconds;
    private final ExitLineDetector exitLine = new ExitLineDetector();
    /** Guards {@link #closing}, so a stop's shutdown() never reaches a number close() has given back. */
    private final Object fdGuard = new Object();
    private volatile long bytesIn;
    private volatile long bytesOut;
    private boolean closing;
    /** The bytes of the last recv(), as reported; the echo sends this very copy. */
    private byte[] received;
    private final SendCall sendCall = new SendCall();

    ConnectionSession(SocketApi api, CallTracer tracer, BooleanSupplier stopping, int fd, SockAddrIn peer,
            int bufferSize, int idleTimeoutSeconds) {
        this.api = api;
        this.tracer = tracer;
        this.stopping = stopping;
        this.fd = fd;
        this.peer = peer;
        this.actor = Actor.connection(fd, peer);
        this.bufferSize = bufferSize;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
    }

    @Override
    public void run() {
        try {
            configure();
            serve();
        } catch (IdleTimeout t) {
            tracer.notice(actor, t.reading
                    ? "no data from this client for " + idleTimeoutSeconds + " s, the idle timeout: the server closes"
                            + " the connection so an absent client does not keep its place (recv() gave up with"
                            + " EAGAIN because the server set SO_RCVTIMEO)"
                    : "this client has not read what the server sent for " + idleTimeoutSeconds + " s, the idle"
                            + " timeout: the server closes the connection (send() gave up because the server set"
                            + " SO_SNDTIMEO)");
        } catch (StepGate.Cancelled | SyscallException e) {
            // the reason is already in the event stream; what is left is to close
        } finally {
            closeClient();
        }
    }

    private void configure() {
        if (tracer.sendsWithoutWaiting()) {
            try {
                api.setsockopt(fd, SocketOption.SO_SNDBUF, DEMO_SNDBUF);
                tracer.notice(actor, "for the short-send demonstration the server set SO_SNDBUF to " + DEMO_SNDBUF
                        + " on this connection (the kernel doubles it for its bookkeeping) and sends with"
                        + " MSG_DONTWAIT, so the send buffer fills after a few echoes to a client that does not read");
            } catch (SyscallException e) {
                tracer.notice(actor, "setting SO_SNDBUF for the short-send demonstration failed: " + e.getMessage());
            }
        }
        try {
            api.setsockopt(fd, SocketOption.SO_KEEPALIVE, 1);
            api.setsockopt(fd, SocketOption.TCP_KEEPIDLE, KEEPALIVE_IDLE_SECONDS);
            api.setsockopt(fd, SocketOption.TCP_KEEPINTVL, KEEPALIVE_INTERVAL_SECONDS);
            api.setsockopt(fd, SocketOption.TCP_KEEPCNT, KEEPALIVE_PROBES);
            if (idleTimeoutSeconds > 0) {
                api.setsockopt(fd, SocketOption.SO_RCVTIMEO, idleTimeoutSeconds * 1000);
                api.setsockopt(fd, SocketOption.SO_SNDTIMEO, idleTimeoutSeconds * 1000);
            }
        } catch (SyscallException e) {
            // the connection works without them; only an idle or vanished client is noticed later
            LOG.log(System.Logger.Level.DEBUG, "setting keepalive or timeouts on " + fd + " failed: " + e.getMessage());
        }
    }

    private void serve() throws SyscallException {
        byte[] buffer = new byte[bufferSize];
        CallArgs before = CallArgs.buffer(fd, null, 0, 0, bufferSize, "0");
        // made once: the loop runs once per echo
        CallTracer.Body<Integer> receiveCall = () -> receive(buffer);
        CallTracer.Reporter<Integer> report = got -> {
            byte[] data = Arrays.copyOf(buffer, got);
            received = data;
            return new CallTracer.Report(got, CallArgs.buffer(fd, data, 0, data.length, bufferSize, "0"), data, null,
                    null, null);
        };
        while (!stopping.getAsBoolean()) {
            int n = tracer.call(actor, Step.RECV, "recv", before, true, receiveCall, report, before, null);
            if (n == 0) {
                tracer.notice(actor, "recv returned 0: the peer closed its side, so the server closes this connection");
                return;
            }
            bytesIn += n;
            int exitAt = exitLine.feed(buffer, n);
            sendAll(received, exitAt < 0 ? n : exitAt);
            if (exitAt >= 0) {
                tracer.notice(actor, "received the line \"exit\": the server closes this connection");
                return;
            }
        }
    }

    /** recv() as the program makes it; a stop (which shuts the socket down to wake it) ends it without a result. */
    private int receive(byte[] buffer) throws SyscallException {
        while (true) {
            try {
                int n = api.recv(fd, buffer, bufferSize, 0);
                if (n == 0 && stopping.getAsBoolean()) {
                    throw new StepGate.Cancelled();
                }
                return n;
            } catch (SyscallException e) {
                retryOrRethrow(e, true);
            }
        }
    }

    /** send() may take fewer bytes than offered; a real server loops until all are sent. */
    private void sendAll(byte[] data, int length) throws SyscallException {
        int off = 0;
        while (off < length) {
            if (stopping.getAsBoolean()) {
                throw new StepGate.Cancelled();
            }
            boolean noWait = tracer.sendsWithoutWaiting();
            SendCall call = sendCall.aim(data, off, length - off, noWait);
            if (noWait && off > 0) {
                awaitRoom();
            }
            int sent;
            try {
                sent = tracer.call(actor, Step.SEND, "send", call.args, true, call, call, call.args, null);
            } catch (SyscallException e) {
                if (noWait && !e.simulated() && (e.is("EAGAIN") || e.is("EWOULDBLOCK"))) {
                    // nothing fitted: wait for room, then try again (off is unchanged)
                    awaitRoom();
                    continue;
                }
                throw e;
            }
            bytesOut += sent;
            off += sent;
        }
    }

    /**
     * One send() of the echo: the call and how it is reported. A connection's thread makes one send at a time
     * and the tracer uses both before it returns, so the same object serves every send (none is made per
     * echo: the window's JIT would make two lambdas for each).
     */
    private final class SendCall implements CallTracer.Body<Integer>, CallTracer.Reporter<Integer> {
        private byte[] data;
        private int from;
        private int len;
        private boolean noWait;
        private CallArgs args;

        SendCall aim(byte[] bytes, int offset, int length, boolean withoutWaiting) {
            data = bytes;
            from = offset;
            len = length;
            noWait = withoutWaiting;
            args = CallArgs.buffer(fd, bytes, offset, length, length,
                    withoutWaiting ? "MSG_DONTWAIT|MSG_NOSIGNAL" : "MSG_NOSIGNAL");
            return this;
        }

        @Override
        public Integer run() throws SyscallException {
            return noWait ? transmitNoWait(data, from, len) : transmit(data, from, len);
        }

        @Override
        public CallTracer.Report report(Integer sent) {
            int s = sent;
            return new CallTracer.Report(s, args,
                    from == 0 && s == data.length ? data : Arrays.copyOfRange(data, from, from + s), null, null,
                    s < len ? "partial send: " + s + " of " + len + " bytes; the loop sends the rest" : null);
        }
    }

    /**
     * MSG_DONTWAIT: what fits in the send buffer now, or EAGAIN when nothing does; then {@link #awaitRoom}
     * before the rest, as a non-blocking server does.
     */
    private int transmitNoWait(byte[] data, int from, int len) throws SyscallException {
        while (true) {
            try {
                return api.sendNoWait(fd, data, from, len);
            } catch (SyscallException e) {
                if (e.is("EAGAIN") || e.is("EWOULDBLOCK")) {
                    throw e; // the kernel's answer to MSG_DONTWAIT when nothing fits, shown as it is
                }
                retryOrRethrow(e, false);
            }
        }
    }

    /** poll() for POLLOUT: waits, in the kernel, until the peer has read enough for the send buffer to take more. */
    private void awaitRoom() throws SyscallException {
        int timeout = idleTimeoutSeconds > 0 ? idleTimeoutSeconds * 1000 : -1;
        CallArgs args = CallArgs.of("[{fd=" + fd + ", events=POLLOUT}], 1, " + timeout);
        int ready = tracer.call(actor, Step.SEND, "poll", args, false,
                () -> api.poll(fd, org.socketstage.socket.SocketConstants.POLLOUT, timeout),
                r -> new CallTracer.Report(r == 0 ? 0 : 1, args, null, null, null,
                        r == 0 ? null : "the peer read some: the send buffer has room again"),
                args, null);
        if (ready == 0 && !stopping.getAsBoolean()) {
            throw new IdleTimeout(false);
        }
    }

    private int transmit(byte[] data, int from, int len) throws SyscallException {
        while (true) {
            try {
                return api.send(fd, data, from, len, 0);
            } catch (SyscallException e) {
                retryOrRethrow(e, false);
            }
        }
    }

    /** EINTR is retried (a signal is not the program's business here); the rest ends the call. */
    private void retryOrRethrow(SyscallException e, boolean reading) throws SyscallException {
        if (stopping.getAsBoolean() && !e.simulated()) {
            throw new StepGate.Cancelled();
        }
        if (e.is("EINTR")) {
            return;
        }
        if ((e.is("EAGAIN") || e.is("EWOULDBLOCK")) && idleTimeoutSeconds > 0 && !e.simulated()) {
            throw new IdleTimeout(reading);
        }
        throw e;
    }

    private void closeClient() {
        // first: once close() runs, the number may belong to another socket that stop() must not touch
        synchronized (fdGuard) {
            closing = true;
        }
        String args = Integer.toString(fd);
        try {
            tracer.call(actor, Step.CLOSE_CLIENT, "close", args, !stopping.getAsBoolean(),
                    () -> {
                        api.close(fd);
                        return 0;
                    }, r -> CallTracer.Report.of(0, args), args, null);
        } catch (StepGate.Cancelled c) {
            closeQuietly();
        } catch (SyscallException e) {
            // reported as an event; the descriptor is gone either way
        }
    }

    private void closeQuietly() {
        String args = Integer.toString(fd);
        try {
            tracer.call(actor, Step.CLOSE_CLIENT, "close", args, false,
                    () -> {
                        api.close(fd);
                        return 0;
                    }, r -> CallTracer.Report.of(0, args), args, null);
        } catch (SyscallException e) {
            // reported as an event
        }
    }

    /**
     * Wakes this connection's thread if it is blocked in recv() or send(), as a stop needs: shutdown() makes
     * recv() return 0 and send() fail; close() from another thread would not. Never after close() began.
     */
    void wake() {
        synchronized (fdGuard) {
            if (!closing) {
                try {
                    api.shutdown(fd, org.socketstage.socket.Shutdown.SHUT_RDWR);
                } catch (SyscallException e) {
                    // not connected any more: nothing blocks on it
                }
            }
        }
    }

    int fd() {
        return fd;
    }

    ConnectionInfo info() {
        return new ConnectionInfo(fd, peer, bytesIn, bytesOut);
    }
}
