package org.socketstage.tracer.check;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.kernel.TcpState;
import org.socketstage.server.StepGate;

/**
 * A send to a client that has gone: the program must get EPIPE (MSG_NOSIGNAL, or SIGPIPE ignored) and go on,
 * not die of SIGPIPE. Made real, step by step with the gate: the program is held before its send while the
 * client sends a second line and closes; the first send then draws a reset from the client's kernel, and the
 * program's next send meets a connection the kernel has already given up.
 */
final class GonePeerCheck extends ServerCheck {

    @Override
    public String id() {
        return "gone-peer";
    }

    @Override
    public String title() {
        return "a send to a client that has gone: EPIPE, not death by SIGPIPE";
    }

    @Override
    CheckResult judge(CheckContext context, CheckRun run) throws IOException {
        Duration wait = context.settings().replyWait();
        StepGate gate = run.gate();
        int port = run.port();
        gate.setBreakpoint(Step.SEND, true);
        int clientPort;
        Optional<ServerEvent.CallHeld> second;
        try (TestClient client = run.connect()) {
            clientPort = client.localPort();
            client.send("one\n");
            Optional<ServerEvent.CallHeld> first = heldSend(run, clientPort, 0, wait);
            if (first.isEmpty()) {
                gate.setBreakpoint(Step.SEND, false);
                return CheckResult.notApplicable(this, "the program did not answer the client, so it never sent to it",
                        Evidence.clients(run, clientPort));
            }
            client.send("two\n");
            client.close();
            CheckRun.waitFor(() -> KernelRows.serverSide(port, clientPort).map(r -> r.state() == TcpState.CLOSE_WAIT)
                    .orElse(true), wait);
            gate.step();
            second = heldSend(run, clientPort, first.get().seq(), wait);
        }
        if (second.isEmpty()) {
            gate.setBreakpoint(Step.SEND, false);
            return CheckResult.notApplicable(this, "after the client left, the program did not send to it again",
                    Evidence.clients(run, clientPort));
        }
        // the reset from the client's kernel has arrived once the kernel no longer lists the connection
        CheckRun.waitFor(() -> KernelRows.serverSide(port, clientPort).isEmpty(), wait);
        gate.setBreakpoint(Step.SEND, false);
        long after = second.get().seq();
        run.await(ServerEvent.CallReturned.class, r -> r.seq() > after && CheckRun.forClient(r, clientPort)
                && r.stage() == Step.SEND, wait);
        // then it dies of SIGPIPE, or goes on: closes the connection or goes back to accept()
        CheckRun.waitFor(() -> died(run) || !run.all(ServerEvent.class, e -> e.seq() > after
                && (e instanceof ServerEvent.CallReturned r && r.stage() == Step.CLOSE_CLIENT
                || e instanceof ServerEvent.CallStarted c && c.stage() == Step.ACCEPT)).isEmpty(), wait);
        if (died(run)) {
            return CheckResult.failed(this, exitText(run), Evidence.clients(run, clientPort));
        }
        try (TestClient next = run.connect()) {
            CheckRun.Exchange x = run.exchange(next, LINE);
            List<String> evidence = Evidence.clients(run, clientPort, next.localPort());
            if (!x.ok()) {
                return CheckResult.failed(this, "survived the send to the gone client but did not serve the next one: "
                        + x.problem(), evidence);
            }
            next.close();
            run.awaitClientGone(next.localPort());
            return CheckResult.passed(this, "its send to the gone client failed with an error instead of a signal, and"
                    + " it served the next client", evidence);
        }
    }

    private static Optional<ServerEvent.CallHeld> heldSend(CheckRun run, int clientPort, long after, Duration wait) {
        return run.await(ServerEvent.CallHeld.class, h -> h.seq() > after && h.stage() == Step.SEND
                && CheckRun.forClient(h, clientPort), wait);
    }
}
