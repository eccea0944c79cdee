package org.socketstage.server;

import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.Step;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SocketConstants;
import org.socketstage.socket.SyscallException;
import org.socketstage.event.StraceText;

/**
 * One accepted client: the recv/send echo loop, then close(client). A line {@code exit} ends it, as does
 * recv() returning 0 (the peer closed its side) or an error such as ECONNRESET.
 */
final class ConnectionSession implements Runnable {

    private static final int POLL_MILLIS = 100;

    private final SocketApi api;
    private final CallTracer tracer;
    private final BooleanSupplier stopping;
    private final int fd;
    private final SockAddrIn peer;
    private final Actor actor;
    private final int bufferSize;
    private final ExitLineDetector exitLine = new ExitLineDetector();
    private volatile long bytesIn;
    private volatile long bytesOut;
    private volatile boolean closing;

    ConnectionSession(SocketApi api, CallTracer tracer, BooleanSupplier stopping, int fd, SockAddrIn peer, int bufferSize) {
        this.api = api;
        this.tracer = tracer;
        this.stopping = stopping;
        this.fd = fd;
        this.peer = peer;
        this.actor = Actor.connection(fd, peer);
        this.bufferSize = bufferSize;
    }

    @Override
    public void run() {
        try {
            serve();
        } catch (StepGate.Cancelled | SyscallException e) {
            // the reason is already in the event stream; what is left is to close
        } finally {
            closeClient();
        }
    }

    private void serve() throws SyscallException {
        byte[] buffer = new byte[bufferSize];
        CallArgs before = CallArgs.lazy(() -> fd + ", ..., " + bufferSize + ", 0");
        while (!stopping.getAsBoolean()) {
            int n = tracer.call(actor, Step.RECV, "recv", before, true,
                    () -> {
                        awaitReady(SocketConstants.POLLIN);
                        return api.recv(fd, buffer, bufferSize, 0);
                    },
                    got -> {
                        byte[] data = Arrays.copyOf(buffer, got);
                        return new CallTracer.Report(got, CallArgs.lazy(() -> fd + ", "
                                + StraceText.quote(data, 0, data.length, StraceText.DEFAULT_MAX) + ", " + bufferSize + ", 0"),
                                data, null, null, null);
                    },
                    before, null);
            if (n == 0) {
                tracer.notice(actor, "recv returned 0: the peer closed its side, so the server closes this connection");
                return;
            }
            bytesIn += n;
            int exitAt = exitLine.feed(buffer, n);
            int echo = exitAt < 0 ? n : exitAt;
            sendAll(Arrays.copyOf(buffer, echo));
            if (exitAt >= 0) {
                tracer.notice(actor, "received the line \"exit\": the server closes this connection");
                return;
            }
        }
    }

    /** send() may take fewer bytes than offered; a real server loops until all are sent. */
    private void sendAll(byte[] data) throws SyscallException {
        int off = 0;
        while (off < data.length) {
            int from = off;
            int len = data.length - off;
            CallArgs args = CallArgs.lazy(() -> fd + ", " + StraceText.quote(data, from, len, StraceText.DEFAULT_MAX)
                    + ", " + len + ", MSG_NOSIGNAL");
            int sent = tracer.call(actor, Step.SEND, "send", args, true,
                    () -> {
                        awaitReady(SocketConstants.POLLOUT);
                        return api.send(fd, data, from, len, 0);
                    },
                    s -> new CallTracer.Report(s, args, Arrays.copyOfRange(data, from, from + s), null, null,
                            s < len ? "partial send: " + s + " of " + len + " bytes; the loop sends the rest" : null),
                    args, null);
            bytesOut += sent;
            off += sent;
        }
    }

    /** Blocks like the real call would, but wakes every 100 ms to see whether the server is stopping. */
    private void awaitReady(int events) throws SyscallException {
        while (api.poll(fd, events, POLL_MILLIS) == 0) {
            if (stopping.getAsBoolean()) {
                throw new StepGate.Cancelled();
            }
        }
    }

    private void closeClient() {
        // set first: once close() runs, the number may belong to another socket that stop() must not touch
        closing = true;
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

    int fd() {
        return fd;
    }

    /** True from the moment close() is about to run: the fd number is no longer ours to use. */
    boolean closing() {
        return closing;
    }

    ConnectionInfo info() {
        return new ConnectionInfo(fd, peer, bytesIn, bytesOut);
    }
}
