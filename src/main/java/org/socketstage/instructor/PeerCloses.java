package org.socketstage.instructor;

import java.util.Optional;
import org.socketstage.event.ServerEvent.CallReturned;

/** Peer closes: the client closes normally (FIN), so recv() returns 0 and the server closes its side. */
final class PeerCloses extends FaultDemo {

    @Override
    public Fault fault() {
        return Fault.PEER_CLOSES;
    }

    @Override
    protected Outcome demonstrate(Rig rig) throws InterruptedException {
        Optional<CallReturned> accepted = Conversation.open(rig, false);
        if (accepted.isEmpty()) {
            return Outcome.notShown("no client was accepted; see the log");
        }
        rig.room.clients().close();
        rig.say("the client closes its socket: its kernel sends FIN");
        Optional<CallReturned> recv = rig.await(CallReturned.class, r -> Conversation.endOfRecv(r));
        if (recv.isEmpty()) {
            return Outcome.notShown("the server's recv() did not return");
        }
        if (recv.get().failed() || recv.get().result() != 0) {
            return Outcome.notShown("unexpected: " + Rig.describe(recv.get()));
        }
        return Outcome.shown("server: " + Rig.describe(recv.get()) + ": end of stream, not an error. The "
                + "`if (n == 0)` check ends the loop: the server closes its side " + Conversation.backToAccept(rig));
    }
}
