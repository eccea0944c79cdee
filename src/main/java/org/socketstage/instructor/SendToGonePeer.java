package org.socketstage.instructor;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpState;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;

/**
 * Send to a peer that is gone: the echo waits at a breakpoint before send() while the client resets the
 * connection; then send() fails for real. MSG_NOSIGNAL turns the SIGPIPE into a plain EPIPE.
 */
final class SendToGonePeer extends FaultDemo {

    private static final Duration RESET_ARRIVES = Duration.ofSeconds(3);

    @Override
    public Fault fault() {
        return Fault.SEND_TO_GONE_PEER;
    }

    @Override
    protected Outcome demonstrate(Rig rig) throws InterruptedException {
        rig.stopServer();
        rig.room.gate().setBreakpoint(Step.SEND, true);
        rig.restartServer();
        if (!rig.awaitAccepting()) {
            return Outcome.notShown("the server did not start; see the log");
        }
        rig.room.clients().connect(1);
        Optional<CallReturned> accepted = rig.serverCall(Step.ACCEPT);
        if (accepted.isEmpty() || accepted.get().failed()) {
            return Outcome.notShown("no client was accepted; see the log");
        }
        int peerPort = accepted.get().address().port();
        rig.room.clients().send(Conversation.LINE);
        if (!rig.heldAt(Step.SEND)) {
            return Outcome.notShown("the server did not get to send()");
        }
        rig.say("the server received the line; its echo waits at the breakpoint before send()");
        rig.room.clients().reset();
        rig.clientCall("close");
        int port = rig.serverPort();
        Optional<KernelSnapshot> gone = rig.kernel.awaitMatch(port, OptionalInt.empty(),
                s -> s.rows().stream().noneMatch(r -> r.localPort() == port && r.remotePort() == peerPort
                        && (r.state() == TcpState.ESTABLISHED || r.state() == TcpState.CLOSE_WAIT)),
                RESET_ARRIVES);
        rig.say(gone.isPresent() ? "the client reset the connection; kernel: the server's side of it is gone"
                : "the client reset the connection");
        rig.pauseAtNextFault();
        rig.room.gate().releaseBreakpoint(Step.SEND);
        Optional<CallReturned> send = rig.serverCall(Step.SEND);
        if (send.isEmpty()) {
            return Outcome.notShown("the server's send() did not return");
        }
        if (!Rig.failedWith(send.get(), "EPIPE", "ECONNRESET")) {
            return Outcome.notShown(Rig.describe(send.get()) + ": the reset had not arrived yet; the next call "
                    + "on this socket would fail");
        }
        return Outcome.shown("server: " + Rig.describe(send.get()) + ". MSG_NOSIGNAL kept the kernel from sending "
                + "SIGPIPE, so SocketStage is still running; the `if (sent == -1)` check ends this conversation "
                + Conversation.backToAccept(rig));
    }
}
