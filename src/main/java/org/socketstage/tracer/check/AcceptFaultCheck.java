package org.socketstage.tracer.check;

import java.io.IOException;
import java.util.List;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.tracer.Injection;

/**
 * accept() fails once with an errno that concerns one client, not the server (EINTR: a signal came; EMFILE:
 * no descriptor left for now): the program must go back to accept() and serve the client still queued.
 */
final class AcceptFaultCheck extends ServerCheck {

    private final String id;
    private final Errno errno;
    private final String meaning;

    AcceptFaultCheck(String id, String errno, String meaning) {
        this.id = id;
        this.errno = Errno.byName(errno).orElseThrow();
        this.meaning = meaning;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return errno.name() + " at accept() (" + meaning + "): accepts again and serves the client";
    }

    @Override
    List<Injection> faults() {
        return List.of(Injection.errno("accept", errno, 1));
    }

    @Override
    CheckResult judge(CheckContext context, CheckRun run) throws IOException {
        if (run.await(ServerEvent.CallReturned.class, r -> r.injected() && r.stage() == Step.ACCEPT,
                context.settings().replyWait()).isEmpty()) {
            return CheckResult.notApplicable(this, "the program made no accept() call", Evidence.setup(run));
        }
        try (TestClient client = run.connect()) {
            int clientPort = client.localPort();
            CheckRun.Exchange x = run.exchange(client, LINE);
            List<String> evidence = Evidence.clients(run, clientPort);
            if (died(run)) {
                return CheckResult.failed(this, exitText(run) + " after accept() failed with " + errno.name()
                        + ": one failed accept() is no reason to end the server", evidence);
            }
            if (!x.ok()) {
                return CheckResult.failed(this, "did not serve the client after accept() failed with " + errno.name()
                        + " (" + x.problem() + "): go back to accept()", evidence);
            }
            client.close();
            run.awaitClientGone(clientPort);
            return CheckResult.passed(this, "accept() failed with " + errno.name() + " (injected); the program called"
                    + " accept() again and served the client", Evidence.clients(run, clientPort));
        }
    }
}
