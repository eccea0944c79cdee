package org.socketstage.tracer.check;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.tracer.Injection;

/** send() takes only half of the bytes (the tracer lowers its length): the program must send the rest. */
final class ShortSendCheck extends ServerCheck {

    @Override
    public String id() {
        return "short-send";
    }

    @Override
    public String title() {
        return "a short send (send() takes half the bytes): sends the rest";
    }

    @Override
    List<Injection> faults() {
        return List.of(Injection.shortSend(1));
    }

    @Override
    CheckResult judge(CheckContext context, CheckRun run) throws IOException {
        Duration wait = context.settings().replyWait();
        try (TestClient client = run.connect()) {
            int clientPort = client.localPort();
            CheckRun.Exchange x = run.exchange(client, LINE);
            Optional<ServerEvent.CallReturned> cut = run.await(ServerEvent.CallReturned.class, r -> r.injected()
                    && r.stage() == Step.SEND && !r.failed(), wait);
            if (cut.isEmpty()) {
                return CheckResult.notApplicable(this, "the program sent nothing to the client, so there was no send()"
                        + " to shorten", Evidence.clients(run, clientPort));
            }
            long took = cut.get().result();
            boolean again = context.settings().expect() == Expect.NONE && run.await(ServerEvent.CallReturned.class,
                    r -> r.seq() > cut.get().seq() && r.stage() == Step.SEND && r.actor().equals(cut.get().actor()),
                    wait).isPresent();
            List<String> evidence = Evidence.clients(run, clientPort);
            if (died(run)) {
                return CheckResult.failed(this, exitText(run) + " after a short send", evidence);
            }
            boolean ok = context.settings().expect() == Expect.ECHO ? x.ok() : again;
            if (!ok) {
                String what = context.settings().expect() == Expect.ECHO ? "; " + x.problem() : "";
                return CheckResult.failed(this, "send() took only " + took + " bytes (a short send, injected) and the"
                        + " program did not send the rest" + what + ". send() may take fewer bytes than offered: loop"
                        + " until every byte is sent", evidence);
            }
            client.close();
            run.awaitClientGone(clientPort);
            return CheckResult.passed(this, "send() took only " + took + " bytes (injected); the program sent the rest",
                    Evidence.clients(run, clientPort));
        }
    }
}
