package org.socketstage.tracer.check;

import java.io.IOException;
import java.util.List;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.tracer.Injection;

/** recv() fails once with EINTR (a signal came, nothing is wrong): the program must call recv() again. */
final class EintrRecvCheck extends ServerCheck {

    /** (size_t) -1: what a send gets as its length when recv()'s -1 is passed on. */
    private static final String MINUS_ONE_AS_LENGTH = "18446744073709551615";

    @Override
    public String id() {
        return "eintr-recv";
    }

    @Override
    public String title() {
        return "EINTR at recv(): calls recv() again, the line is not lost";
    }

    @Override
    List<Injection> faults() {
        return List.of(Injection.errno("recv", Errno.byName("EINTR").orElseThrow(), 1));
    }

    @Override
    CheckResult judge(CheckContext context, CheckRun run) throws IOException {
        try (TestClient client = run.connect()) {
            int clientPort = client.localPort();
            CheckRun.Exchange x = run.exchange(client, LINE);
            if (run.all(ServerEvent.CallReturned.class, r -> r.injected() && r.stage() == Step.RECV).isEmpty()) {
                return CheckResult.notApplicable(this, "the program did not read from the client",
                        Evidence.clients(run, clientPort));
            }
            List<String> evidence = Evidence.clients(run, clientPort);
            boolean minusOne = !run.all(ServerEvent.CallReturned.class, r -> CheckRun.forClient(r, clientPort)
                    && r.stage() == Step.SEND && r.args().text().contains(MINUS_ONE_AS_LENGTH)).isEmpty();
            if (minusOne) {
                return CheckResult.failed(this, "after recv() returned -1 (EINTR, injected) the program called send()"
                        + " with the length " + MINUS_ONE_AS_LENGTH + ": it used recv()'s -1 as a byte count. A loop"
                        + " like while (recv(...)) goes on when recv() fails; test n > 0, and retry on EINTR", evidence);
            }
            if (died(run)) {
                return CheckResult.failed(this, exitText(run) + " after recv() failed with EINTR", evidence);
            }
            if (!x.ok()) {
                return CheckResult.failed(this, "after recv() failed with EINTR (injected), " + x.problem()
                        + ": EINTR means try again, the data is still there", evidence);
            }
            client.close();
            run.awaitClientGone(clientPort);
            return CheckResult.passed(this, "recv() failed with EINTR (injected); the program called recv() again"
                    + " and the line came through", Evidence.clients(run, clientPort));
        }
    }
}
