package org.socketstage.instructor;

import java.util.Optional;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;

/** Peer reset mid-conversation: the client aborts with SO_LINGER 0, so the server's recv() fails with ECONNRESET. */
final class PeerReset extends FaultDemo {

    @Override
    public Fault fault() {
        return Fault.PEER_RESET;
    }

    @Override
    protected Outcome demonstrate(Rig rig) throws InterruptedException {
        Optional<CallReturned> accepted = Conversation.open(rig, true);
        if (accepted.isEmpty()) {
            return Outcome.notShown("no client was accepted; see the log");
        }
        rig.pauseAtNextFault();
        rig.room.clients().reset();
        rig.say("the client aborts: SO_LINGER 0, then close(), which sends RST instead of FIN");
        Optional<CallReturned> recv = rig.await(CallReturned.class, r -> Conversation.endOfRecv(r));
        if (recv.isEmpty()) {
            return Outcome.notShown("the server's recv() did not return");
        }
        if (!Rig.failedWith(recv.get(), "ECONNRESET")) {
            return Outcome.notShown("unexpected: " + Rig.describe(recv.get()));
        }
        return Outcome.shown("server: " + Rig.describe(recv.get()) + ". The `if (n == -1)` check catches it: the "
                + "server closes this client " + Conversation.backToAccept(rig));
    }
}
