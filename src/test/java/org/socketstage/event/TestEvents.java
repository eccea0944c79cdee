package org.socketstage.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;

/**
 * The one builder of engine event records for tests: real constructors, numbered in publishing order and
 * 7 ms apart as the bus would number them. One instance per test (or test class) keeps its own numbering.
 */
public final class TestEvents {

    private long seq;
    private Instant time;

    public TestEvents() {
        this(0, Instant.parse("2026-11-25T14:00:00Z"));
    }

    /** Numbering from {@code firstSeq + 1}, e.g. to follow events a real bus has numbered already. */
    public TestEvents(long lastSeq, Instant start) {
        this.seq = lastSeq;
        this.time = start;
    }

    private long next() {
        time = time.plusMillis(7);
        return ++seq;
    }

    public long lastSeq() {
        return seq;
    }

    // ---- server state and notices

    public ServerEvent.StateChanged state(ServerState s) {
        return state(s, "");
    }

    public ServerEvent.StateChanged state(ServerState s, String detail) {
        return new ServerEvent.StateChanged(next(), time, Actor.SERVER, s, detail);
    }

    public ServerEvent.Notice notice(String text) {
        return new ServerEvent.Notice(next(), time, Actor.SERVER, text);
    }

    // ---- calls starting and held

    /** The server's call of this stage, with the call named as the stage names it and "..." for arguments. */
    public ServerEvent.CallStarted started(Step stage) {
        return started(Actor.SERVER, stage);
    }

    public ServerEvent.CallStarted started(Actor actor, Step stage) {
        return started(actor, stage, callOf(stage), "...");
    }

    public ServerEvent.CallStarted started(Step stage, String call, String args) {
        return started(Actor.SERVER, stage, call, args);
    }

    public ServerEvent.CallStarted started(Actor actor, Step stage, String call, String args) {
        return new ServerEvent.CallStarted(next(), time, actor, stage, call, args);
    }

    public ServerEvent.CallStarted started(Actor actor, Step stage, String call, CallArgs args) {
        return new ServerEvent.CallStarted(next(), time, actor, stage, call, args);
    }

    /** listen() as the server announces it, with its backlog typed. */
    public ServerEvent.CallStarted listenStarted(int fd, int backlog) {
        return new ServerEvent.CallStarted(next(), time, Actor.SERVER, Step.LISTEN, "listen", CallArgs.listen(fd, backlog));
    }

    public ServerEvent.CallHeld held(Step stage, String call, String reason) {
        return new ServerEvent.CallHeld(next(), time, Actor.SERVER, stage, call, reason);
    }

    // ---- calls returning

    /** The server's call of this stage succeeded with this result. */
    public ServerEvent.CallReturned ok(Step stage, long result) {
        return ok(stage, callOf(stage), result);
    }

    public ServerEvent.CallReturned ok(Step stage, String call, long result) {
        return returned(Actor.SERVER, stage, call, "...", result, null, false, null, null);
    }

    public ServerEvent.CallReturned ok(Step stage, String call, String args, long result, SockAddrIn address) {
        return returned(Actor.SERVER, stage, call, args, result, null, false, null, address);
    }

    public ServerEvent.CallReturned ok(Actor actor, Step stage, String call, String args, long result) {
        return returned(actor, stage, call, args, result, null, false, null, null);
    }

    /** The server's call of this stage failed with this errno, for real (the kernel's answer). */
    public ServerEvent.CallReturned failed(Step stage, String errnoName) {
        return failed(Actor.SERVER, stage, callOf(stage), "...", errnoName, false);
    }

    public ServerEvent.CallReturned failed(Step stage, String call, String args, String errnoName, boolean simulated) {
        return failed(Actor.SERVER, stage, call, args, errnoName, simulated);
    }

    public ServerEvent.CallReturned failed(Actor actor, Step stage, String call, String args, String errnoName,
            boolean simulated) {
        return returned(actor, stage, call, args, -1, errno(errnoName), simulated, null, null);
    }

    /** The server's call failed for real (the kernel's answer). */
    public ServerEvent.CallReturned failedCall(Step stage, String call, String errnoName) {
        return failed(Actor.SERVER, stage, call, "...", errnoName, false);
    }

    /** The server's call failed on purpose (simulated: the kernel was not asked). */
    public ServerEvent.CallReturned simulatedFail(Step stage, String call, String errnoName) {
        return failed(Actor.SERVER, stage, call, "...", errnoName, true);
    }

    /** A call of a client panel socket that failed, e.g. a connect() the kernel refused. */
    public ServerEvent.CallReturned clientFailed(String call, Step stage, String errnoName) {
        return failed(Actor.client(7, null), stage, call, "...", errnoName, false);
    }

    /** A call of a connection's socket; recv and send carry as many zero bytes as the result says. */
    public ServerEvent.CallReturned conn(int fd, SockAddrIn peer, Step stage, String call, long result) {
        return returned(Actor.connection(fd, peer), stage, call, fd + ", ...", result, null, false,
                stage == Step.RECV || stage == Step.SEND ? new byte[(int) Math.max(0, result)] : null, null);
    }

    public ServerEvent.CallReturned bind(SockAddrIn address, long result, Errno errno) {
        return new ServerEvent.CallReturned(next(), time, Actor.SERVER, Step.BIND, "bind",
                "3, " + address.straceText() + ", 16", result, errno, false, null, null, address,
                address.structBytes(), 20);
    }

    public ServerEvent.CallReturned accept(int fd, SockAddrIn peer) {
        return new ServerEvent.CallReturned(next(), time, Actor.SERVER, Step.ACCEPT, "accept",
                "3, " + peer.straceText() + ", [16]", fd, null, false, null, null, peer, null, 300);
    }

    public ServerEvent.CallReturned recv(int fd, SockAddrIn peer, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return new ServerEvent.CallReturned(next(), time, Actor.connection(fd, peer), Step.RECV, "recv",
                fd + ", \"" + text.replace("\n", "\\n") + "\", 4096, 0", data.length, null, false, null, data, null,
                null, 40);
    }

    public ServerEvent.CallReturned returned(Actor actor, Step stage, String call, long result, Errno errno,
            boolean simulated) {
        return returned(actor, stage, call, "...", result, errno, simulated, null, null);
    }

    public ServerEvent.CallReturned returned(Actor actor, Step stage, String call, String args, long result,
            Errno errno, boolean simulated, byte[] data, SockAddrIn address) {
        return new ServerEvent.CallReturned(next(), time, actor, stage, call, args, result, errno, simulated, null,
                data, address, null, 5);
    }

    /** A call the kernel answered, with typed arguments and the note its caller adds (e.g. a client's number). */
    public ServerEvent.CallReturned returned(Actor actor, Step stage, String call, CallArgs args, long result,
            byte[] data, SockAddrIn address, String note) {
        return new ServerEvent.CallReturned(next(), time, actor, stage, call, args, result, null, ResultSource.KERNEL,
                note, data, address, null, 5);
    }

    /** A call the kernel failed with this errno, with typed arguments. */
    public ServerEvent.CallReturned failed(Actor actor, Step stage, String call, CallArgs args, String errnoName) {
        return new ServerEvent.CallReturned(next(), time, actor, stage, call, args, -1, errno(errnoName),
                ResultSource.KERNEL, null, null, null, null, 5);
    }

    // ---- the kernel's view

    public ServerEvent.KernelChanged kernel(KernelSnapshot snapshot) {
        return new ServerEvent.KernelChanged(next(), time, Actor.KERNEL, snapshot);
    }

    /** A kernel whose tables cannot be read. */
    public ServerEvent.KernelChanged kernelUnavailable(int port) {
        return kernel(KernelSnapshot.unavailable(port, "test: no kernel tables read"));
    }

    /** Port 9090 listening with this accept queue (limit 5) and overflow count, and one row per state given. */
    public ServerEvent.KernelChanged kernelQueue(int acceptQueue, long overflows, TcpState... rowStates) {
        List<TcpSocketRow> rows = new ArrayList<>();
        int port = 40000;
        for (TcpState s : rowStates) {
            rows.add(new TcpSocketRow(s, "127.0.0.1", 9090, "127.0.0.1", port++, 0, 0, 1, false));
        }
        return kernel(new KernelSnapshot(9090, true, null, rows, OptionalInt.of(acceptQueue),
                OptionalInt.of(4096), OptionalInt.of(5), OptionalLong.of(overflows)));
    }

    private static Errno errno(String name) {
        return Errno.byName(name).orElseThrow(() -> new IllegalArgumentException("no errno named " + name));
    }

    /** The call a stage makes: close for both closes, sockaddr_in for filling the address, else the stage's name. */
    public static String callOf(Step stage) {
        return switch (stage) {
            case CLOSE_CLIENT, CLOSE_LISTENER -> "close";
            case SOCKADDR -> StraceFormat.SOCKADDR_FILL;
            default -> stage.name().toLowerCase(Locale.ROOT);
        };
    }
}
