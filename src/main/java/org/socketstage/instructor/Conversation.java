package org.socketstage.instructor;

import java.util.Optional;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;

/** The common start of the per-client faults: a fresh server, one client accepted, one line echoed. */
final class Conversation {

    static final String LINE = "hello\n";

    private Conversation() {}

    /**
     * The accept() that took the client, once its first line (if any) has been echoed; empty if that did not
     * happen. A client that closes with unread data in its buffer sends RST instead of FIN, so a demonstration
     * of an orderly close sends no line.
     */
    static Optional<CallReturned> open(Rig rig, boolean sayHello) throws InterruptedException {
        rig.restartServer();
        if (!rig.awaitAccepting()) {
            return Optional.empty();
        }
        rig.room.clients().connect(1);
        Optional<CallReturned> accepted = rig.serverCall(Step.ACCEPT);
        if (accepted.isEmpty() || accepted.get().failed()) {
            return Optional.empty();
        }
        rig.say("server: " + Rig.describe(accepted.get()));
        if (sayHello) {
            rig.room.clients().send(LINE);
            rig.serverCall(Step.SEND).ifPresent(r -> rig.say("server echoes: " + Rig.describe(r)));
        }
        rig.newChapter();
        return accepted;
    }

    /** A recv() of the server's that ends the conversation: 0 or -1. */
    static boolean endOfRecv(CallReturned r) {
        return r.actor().kind() == Actor.Kind.CONNECTION && r.stage() == Step.RECV && (r.failed() || r.result() == 0);
    }

    /** Waits for the server to close this client, and says so. */
    static String backToAccept(Rig rig) throws InterruptedException {
        Optional<CallReturned> close = rig.awaitReaction(CallReturned.class,
                r -> r.actor().kind() != org.socketstage.event.Actor.Kind.CLIENT && r.stage() == Step.CLOSE_CLIENT);
        return close.isPresent()
                ? "(" + close.get().straceText() + ") and keeps serving: the listening socket is untouched."
                : "(its close() was not seen).";
    }
}
