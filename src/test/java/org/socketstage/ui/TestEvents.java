package org.socketstage.ui;

import java.time.Instant;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.ServerEvent.CallStarted;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;

/** Builds real event records in publishing order, the way the engine numbers them. */
public final class TestEvents {

    private long seq;
    private Instant time = Instant.parse("2026-11-25T14:00:00Z");

    private long nextSeq() {
        time = time.plusMillis(7);
        return ++seq;
    }

    public CallStarted started(Actor actor, Step stage, String call, String args) {
        return new CallStarted(nextSeq(), time, actor, stage, call, args);
    }

    public ServerEvent.CallHeld held(Step stage, String call, String reason) {
        return new ServerEvent.CallHeld(nextSeq(), time, Actor.SERVER, stage, call, reason);
    }

    public CallReturned ok(Actor actor, Step stage, String call, String args, long result) {
        return new CallReturned(nextSeq(), time, actor, stage, call, args, result, null, false, null, null, null,
                null, 12);
    }

    public CallReturned failed(Actor actor, Step stage, String call, String args, String errnoName,
            boolean simulated) {
        Errno errno = Errno.byName(errnoName).orElseThrow();
        return new CallReturned(nextSeq(), time, actor, stage, call, args, -1, errno, simulated, null, null, null,
                null, 15);
    }

    public CallReturned bind(SockAddrIn address, long result, Errno errno) {
        return new CallReturned(nextSeq(), time, Actor.SERVER, Step.BIND, "bind",
                "3, " + address.straceText() + ", 16", result, errno, false, null, null, address,
                address.structBytes(), 20);
    }

    public CallReturned accept(int fd, SockAddrIn peer) {
        return new CallReturned(nextSeq(), time, Actor.SERVER, Step.ACCEPT, "accept",
                "3, " + peer.straceText() + ", [16]", fd, null, false, null, null, peer, null, 300);
    }

    public CallReturned recv(int fd, SockAddrIn peer, String text) {
        byte[] data = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new CallReturned(nextSeq(), time, Actor.connection(fd, peer), Step.RECV, "recv",
                fd + ", \"" + text.replace("\n", "\\n") + "\", 4096, 0", data.length, null, false, null, data, null,
                null, 40);
    }

    public ServerEvent.StateChanged state(ServerState state, String detail) {
        return new ServerEvent.StateChanged(nextSeq(), time, Actor.SERVER, state, detail);
    }

    public ServerEvent.Notice notice(String text) {
        return new ServerEvent.Notice(nextSeq(), time, Actor.SERVER, text);
    }

    public ServerEvent.KernelChanged kernel(int port) {
        return new ServerEvent.KernelChanged(nextSeq(), time, Actor.KERNEL,
                KernelSnapshot.unavailable(port, "test: no kernel tables read"));
    }
}
