package org.socketstage.tracer.check;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One client leaves with a reset (the program's recv() gets ECONNRESET), another closes normally (recv()
 * returns 0): the program must close each connection and go on serving; its descriptor count must come back.
 */
final class PeerLeavesCheck extends ServerCheck {

    @Override
    public String id() {
        return "peer-leaves";
    }

    @Override
    public String title() {
        return "a client resets (ECONNRESET), another closes (recv 0): closes both, serves the next";
    }

    @Override
    CheckResult judge(CheckContext context, CheckRun run) throws IOException {
        Duration wait = context.settings().replyWait();
        int before = run.program().openDescriptors();
        int resetPort;
        int closedPort;
        int nextPort;
        try (TestClient a = run.connect()) {
            resetPort = a.localPort();
            CheckRun.Exchange x = run.exchange(a, LINE);
            if (!x.ok()) {
                return CheckResult.notApplicable(this, "the first client was not served: " + x.problem(),
                        Evidence.clients(run, resetPort));
            }
            a.reset();
        }
        try (TestClient b = run.connect()) {
            closedPort = b.localPort();
            CheckRun.Exchange x = run.exchange(b, LINE);
            if (!x.ok()) {
                return CheckResult.failed(this, "stopped serving after a client reset its connection: " + x.problem(),
                        Evidence.clients(run, resetPort, closedPort));
            }
        }
        try (TestClient c = run.connect()) {
            nextPort = c.localPort();
            CheckRun.Exchange x = run.exchange(c, LINE);
            if (!x.ok()) {
                return CheckResult.failed(this, "stopped serving after two clients left: " + x.problem(),
                        Evidence.clients(run, resetPort, closedPort, nextPort));
            }
        }
        // one deadline for every "has it closed?": a program that never closes costs one wait, not three
        long deadline = System.nanoTime() + wait.toNanos();
        List<String> problems = new ArrayList<>();
        if (!run.awaitClosed(resetPort, left(deadline))) {
            problems.add("did not close the connection of the client that reset it (ECONNRESET)");
        }
        if (!run.awaitClosed(closedPort, left(deadline))) {
            problems.add("did not close the connection of the client that closed (recv() returned 0)");
        }
        run.awaitClosed(nextPort, left(deadline));
        List<String> evidence = Evidence.clients(run, resetPort, closedPort, nextPort);
        if (died(run)) {
            return CheckResult.failed(this, exitText(run) + " after clients left", evidence);
        }
        boolean back = CheckRun.waitFor(() -> run.program().openDescriptors() <= before, left(deadline));
        int after = run.program().openDescriptors();
        if (!back) {
            problems.add("holds " + after + " descriptors after the clients left, " + before
                    + " before they came: each connection must be closed");
        }
        if (!problems.isEmpty()) {
            return CheckResult.failed(this, String.join("; ", problems), evidence);
        }
        return CheckResult.passed(this, "closed both connections and served the next client; " + after
                + " descriptors open, as before", evidence);
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
