package org.socketstage.tracer.check;

import java.util.List;

/**
 * One check's outcome: what was checked, the verdict, a sentence saying why, and the program's calls (and
 * exits, and words on standard error) that prove it, in strace style.
 */
public record CheckResult(String id, String title, Verdict verdict, String summary, List<String> evidence) {

    public CheckResult {
        evidence = List.copyOf(evidence);
    }

    public static CheckResult passed(Check check, String summary, List<String> evidence) {
        return new CheckResult(check.id(), check.title(), Verdict.PASSED, summary, evidence);
    }

    public static CheckResult failed(Check check, String summary, List<String> evidence) {
        return new CheckResult(check.id(), check.title(), Verdict.FAILED, summary, evidence);
    }

    public static CheckResult notApplicable(Check check, String summary, List<String> evidence) {
        return new CheckResult(check.id(), check.title(), Verdict.NOT_APPLICABLE, summary, evidence);
    }
}
