package org.socketstage.ui;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.socket.SockAddrIn;

/** Builds engine event records with their real constructors, numbered in order, for ViewModel tests. */
public final class Events {

    private final AtomicLong seq = new AtomicLong();

    public ServerEvent.StateChanged state(ServerState s) {
        return new ServerEvent.StateChanged(seq.incrementAndGet(), Instant.now(), Actor.SERVER, s, "");
    }

    /** listen() as the server announces it, with its backlog typed. */
    public ServerEvent.CallStarted listenStarted(int fd, int backlog) {
        return new ServerEvent.CallStarted(seq.incrementAndGet(), Instant.now(), Actor.SERVER, Step.LISTEN, "listen",
                org.socketstage.event.CallArgs.listen(fd, backlog));
    }

    public ServerEvent.CallStarted started(Step stage, String call, String args) {
        return new ServerEvent.CallStarted(seq.incrementAndGet(), Instant.now(), Actor.SERVER, stage, call, args);
    }

    public ServerEvent.CallHeld held(Step stage, String call, String reason) {
        return new ServerEvent.CallHeld(seq.incrementAndGet(), Instant.now(), Actor.SERVER, stage, call, reason);
    }

    public ServerEvent.CallReturned ok(Step stage, String call, String args, long result, SockAddrIn address) {
        return returned(Actor.SERVER, stage, call, args, result, null, false, null, address);
    }

    public ServerEvent.CallReturned failed(Step stage, String call, String args, String errnoName, boolean simulated) {
        return returned(Actor.SERVER, stage, call, args, -1, Errno.byName(errnoName).orElseThrow(), simulated, null, null);
    }

    public ServerEvent.CallReturned conn(int fd, SockAddrIn peer, Step stage, String call, long result) {
        return returned(Actor.connection(fd, peer), stage, call, fd + ", ...", result, null, false,
                stage == Step.RECV || stage == Step.SEND ? new byte[(int) Math.max(0, result)] : null, null);
    }

    public ServerEvent.CallReturned returned(Actor actor, Step stage, String call, String args, long result,
            Errno errno, boolean simulated, byte[] data, SockAddrIn address) {
        return new ServerEvent.CallReturned(seq.incrementAndGet(), Instant.now(), actor, stage, call, args, result,
                errno, simulated, null, data, address, null, 5);
    }

    public ServerEvent.KernelChanged kernel(KernelSnapshot snapshot) {
        return new ServerEvent.KernelChanged(seq.incrementAndGet(), Instant.now(), Actor.KERNEL, snapshot);
    }
}
