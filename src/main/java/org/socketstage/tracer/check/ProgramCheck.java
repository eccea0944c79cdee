package org.socketstage.tracer.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The robustness check of a student's server: a fixed battery, each check on a fresh launch of the program.
 * The first check (it starts and serves) is the ground the others stand on: when it fails, they are not
 * applicable. A program that cannot be launched or traced at all ends the check with a TraceFailure.
 */
public final class ProgramCheck {

    private ProgramCheck() {}

    /** The checks, in the order they run. */
    public static List<Check> battery() {
        return List.of(
                new EchoCheck(),
                new BindErrorCheck(),
                new PeerLeavesCheck(),
                new AcceptFaultCheck("eintr-accept", "EINTR", "a signal interrupted it"),
                new EintrRecvCheck(),
                new ShortSendCheck(),
                new AcceptFaultCheck("emfile-accept", "EMFILE", "no descriptor free for now"),
                new GonePeerCheck(),
                new RestartCheck());
    }

    /**
     * Runs the battery; each result is also handed to {@code progress} as soon as it is known.
     *
     * @throws org.socketstage.tracer.TraceFailure when the program cannot be launched or traced
     */
    public static CheckReport run(CheckSettings settings, Consumer<CheckResult> progress) {
        CheckContext context = new CheckContext(settings);
        List<CheckResult> results = new ArrayList<>();
        List<Check> checks = battery();
        CheckResult first = checks.get(0).run(context);
        results.add(first);
        progress.accept(first);
        for (Check c : checks.subList(1, checks.size())) {
            CheckResult r = first.verdict() == Verdict.PASSED ? c.run(context)
                    : CheckResult.notApplicable(c, "needs a program that serves a client on its port (see the "
                            + first.id() + " check)", List.of());
            results.add(r);
            progress.accept(r);
        }
        return new CheckReport(settings, context.port(), results);
    }
}
