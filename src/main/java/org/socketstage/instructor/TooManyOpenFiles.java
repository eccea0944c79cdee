package org.socketstage.instructor;

import java.util.Optional;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;

/**
 * Too many open files: accept() fails with EMFILE. Simulated, because lowering the process's descriptor
 * limit would endanger SocketStage itself. A client waits in the queue first, as it would in real life.
 */
final class TooManyOpenFiles extends FaultDemo {

    @Override
    public Fault fault() {
        return Fault.EMFILE;
    }

    @Override
    protected Outcome demonstrate(Rig rig) throws InterruptedException {
        rig.stopServer();
        rig.room.gate().setBreakpoint(Step.ACCEPT, true);
        rig.restartServer();
        if (!rig.heldAt(Step.ACCEPT)) {
            return Outcome.notShown("the server did not reach accept()");
        }
        rig.room.clients().connect(1);
        rig.clientCall("connect").ifPresent(r -> rig.say("client: " + Rig.describe(r) + " (waiting in the accept queue)"));
        rig.room.faults().failNext(Step.ACCEPT, Errno.byName("EMFILE").orElseThrow());
        rig.pauseAtNextFault();
        rig.room.gate().releaseBreakpoint(Step.ACCEPT);
        rig.say("armed: the next accept() fails with EMFILE (simulated); breakpoint released");
        Optional<CallReturned> accept = rig.serverCall(Step.ACCEPT);
        if (accept.isEmpty()) {
            return Outcome.notShown("the server's accept() did not return");
        }
        if (!Rig.failedWith(accept.get(), "EMFILE") || !accept.get().simulated()) {
            return Outcome.notShown("unexpected: " + Rig.describe(accept.get()));
        }
        Optional<ServerEvent> next = rig.awaitReaction(ServerEvent.class, e ->
                e instanceof ServerEvent.StateChanged c && c.state() == ServerState.FAILED
                        || e instanceof CallReturned r && r.stage() == Step.ACCEPT && !r.failed()
                                && r.actor().kind() == Actor.Kind.SERVER);
        String reaction = next.isPresent() && next.get() instanceof CallReturned again
                ? "The server reported it, waited a moment and tried again: " + again.straceText() + " took the "
                        + "waiting client, as a real server's retry would once descriptors are free."
                : next.isPresent() ? "This server stops on a failed accept(); a real one would log it, back off "
                        + "briefly and keep accepting. Undo, then start again."
                        : "The waiting client has not been accepted yet.";
        return Outcome.shown("server: " + Rig.describe(accept.get()) + ": SocketStage failed the call, the kernel "
                + "was not asked. " + reaction);
    }
}
