package org.socketstage.tracer.check;

import java.io.IOException;
import java.util.List;

/** The first check: the program starts, listens on its port and serves one client. The others build on it. */
final class EchoCheck implements Check {

    @Override
    public String id() {
        return "echo";
    }

    @Override
    public String title() {
        return "starts, listens on its port and serves a client";
    }

    @Override
    public CheckResult run(CheckContext context) {
        try (CheckRun run = context.launch(List.of())) {
            if (!run.awaitListening()) {
                return CheckResult.failed(this, context.notListening(run), Evidence.everything(run));
            }
            int port = run.port();
            if (context.port() > 0 && port != context.port()) {
                return CheckResult.failed(this, context.otherPort(port), Evidence.setup(run));
            }
            context.learnPort(port);
            int clientPort;
            try (TestClient client = run.connect()) {
                clientPort = client.localPort();
                CheckRun.Exchange x = run.exchange(client, ServerCheck.LINE);
                if (!x.ok()) {
                    return CheckResult.failed(this, x.problem(), Evidence.clients(run, clientPort));
                }
            } catch (IOException e) {
                return CheckResult.failed(this, "listen() succeeded on port " + port
                        + " but a client could not connect to 127.0.0.1:" + port + ": " + e.getMessage(), Evidence.setup(run));
            }
            run.awaitClientGone(clientPort);
            String what = context.settings().expect() == Expect.ECHO ? "echoes a client's line" : "reads a client's line";
            List<String> evidence = new java.util.ArrayList<>(Evidence.setup(run));
            evidence.addAll(Evidence.clients(run, clientPort));
            return CheckResult.passed(this, "listens on port " + port + " and " + what, Evidence.cap(evidence));
        }
    }
}
