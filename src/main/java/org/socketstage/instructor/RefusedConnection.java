package org.socketstage.instructor;

import java.util.Optional;
import java.util.OptionalInt;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;

/**
 * Connection refused: the server is held between bind() and listen(), where the socket has an address but
 * no queue, so the kernel answers a client's SYN with a reset.
 */
final class RefusedConnection extends FaultDemo {

    @Override
    public Fault fault() {
        return Fault.REFUSED;
    }

    @Override
    public Optional<String> followUpKey() {
        return Optional.of("instructor.followup.listen");
    }

    @Override
    protected Outcome demonstrate(Rig rig) throws InterruptedException {
        rig.stopServer();
        rig.room.gate().setBreakpoint(Step.LISTEN, true);
        rig.say("breakpoint before listen(): the socket will be bound but not listening");
        rig.restartServer();
        if (!rig.heldAt(Step.LISTEN)) {
            return Outcome.notShown("the server did not reach listen(); see the log");
        }
        int port = rig.serverPort();
        if (rig.kernel.available()) {
            boolean listening = rig.kernel.now(port, OptionalInt.empty()).listenRow().isPresent();
            rig.say(listening ? "kernel: something already listens on port " + port
                    : "kernel: no LISTEN row for port " + port + ": bound is not listening");
        }
        rig.room.clients().connect(1);
        Optional<CallReturned> connect = rig.clientCall("connect");
        if (connect.isEmpty()) {
            return Outcome.notShown("the client did not report its connect()");
        }
        if (!Rig.failedWith(connect.get(), "ECONNREFUSED")) {
            return Outcome.notShown("unexpected: " + Rig.describe(connect.get()));
        }
        return Outcome.shown("client: " + Rig.describe(connect.get()) + ". No socket listens on port " + port
                + " yet, so the kernel answered the SYN with a reset; the server never sees the attempt. "
                + "Press \"Let listen() run\" and connect again.");
    }

    @Override
    protected Outcome continueDemonstration(Rig rig) throws InterruptedException {
        rig.room.gate().setBreakpoint(Step.LISTEN, false);
        rig.room.gate().resume();
        Optional<CallReturned> listen = rig.serverCall(Step.LISTEN);
        if (listen.isEmpty() || listen.get().failed()) {
            return Outcome.notShown("listen() did not succeed" + listen.map(r -> ": " + Rig.describe(r)).orElse(""));
        }
        rig.say("server: " + Rig.describe(listen.get()));
        rig.room.clients().connect(1);
        Optional<CallReturned> connect = rig.clientCall("connect");
        if (connect.isEmpty() || connect.get().failed()) {
            return Outcome.notShown("the client did not connect" + connect.map(r -> ": " + Rig.describe(r)).orElse(""));
        }
        return Outcome.shown("client: " + Rig.describe(connect.get()) + ": after listen() the kernel completes the "
                + "handshake itself and queues the connection for accept().");
    }
}
