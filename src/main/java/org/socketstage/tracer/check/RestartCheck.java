package org.socketstage.tracer.check;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;

/**
 * The program is stopped while a client is connected and started again at once: its old connection waits in
 * TIME_WAIT on the port, and only a program that sets SO_REUSEADDR can bind it again now.
 */
final class RestartCheck implements Check {

    @Override
    public String id() {
        return "restart";
    }

    @Override
    public String title() {
        return "restarts at once while its last connection waits in TIME_WAIT (SO_REUSEADDR)";
    }

    @Override
    public CheckResult run(CheckContext context) {
        Duration wait = context.settings().replyWait();
        int port = context.port();
        try (CheckRun first = context.launch(List.of())) {
            if (!first.awaitListening() || first.port() != port) {
                return CheckResult.notApplicable(this, "the first run did not listen on port " + port, List.of());
            }
            try (TestClient client = first.connect()) {
                if (!first.exchange(client, ServerCheck.LINE).ok()) {
                    return CheckResult.notApplicable(this, "the first run did not serve the client", List.of());
                }
                first.program().stop(Duration.ofSeconds(2));
                client.read(1, wait); // the program's side closed first; the client reads the end, then closes
            }
        } catch (IOException e) {
            return CheckResult.notApplicable(this, "a client could not reach the first run: " + e.getMessage(), List.of());
        }
        if (!CheckRun.waitFor(() -> KernelRows.timeWait(port), wait)) {
            return CheckResult.notApplicable(this, "no TIME_WAIT appeared on port " + port + " after the stop", List.of());
        }
        try (CheckRun second = context.launch(List.of())) {
            boolean listening = second.awaitListening();
            List<String> evidence = new ArrayList<>();
            evidence.add("(kernel: a connection waits in TIME_WAIT on port " + port + " from the last run)");
            evidence.addAll(Evidence.setup(second));
            if (listening && second.port() == port) {
                return CheckResult.passed(this, "started again at once and listens on port " + port
                        + " while the last run's connection is in TIME_WAIT", evidence);
            }
            Optional<ServerEvent.CallReturned> bind = second.all(ServerEvent.CallReturned.class,
                    r -> r.stage() == Step.BIND && r.failed()).stream().findFirst();
            if (bind.isPresent() && bind.get().errno().name().equals("EADDRINUSE")) {
                evidence.addAll(second.stderrLines());
                return CheckResult.failed(this, "could not start again: bind() = -1 EADDRINUSE while the last run's"
                        + " connection waits in TIME_WAIT on port " + port + " (about a minute). Set SO_REUSEADDR"
                        + " with setsockopt() before bind()", evidence);
            }
            return CheckResult.failed(this, "could not start again: " + context.notListening(second), evidence);
        }
    }
}
