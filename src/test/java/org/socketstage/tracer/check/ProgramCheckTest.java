package org.socketstage.tracer.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketstage.tracer.PracticeProgram;
import org.socketstage.tracer.Programs;

/**
 * The robustness battery on the practice servers: the correct ones pass every check, each buggy one fails
 * exactly the check for its bug. Several programs are checked at once, each on its own port.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProgramCheckTest {

    @Test
    void theForkThreadAndPythonServersPassEveryCheck() throws Exception {
        Map<PracticeProgram, CheckReport> reports = checkAll(List.of(PracticeProgram.FORK, PracticeProgram.THREAD,
                PracticeProgram.PYTHON));
        reports.forEach((program, report) -> {
            assertThat(report.results()).as(program + "\n" + report.text()).hasSize(9)
                    .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.PASSED));
            assertThat(report.allPassed()).isTrue();
        });
    }

    @Test
    void eachBuggyServerFailsExactlyTheCheckForItsBug() throws Exception {
        Map<PracticeProgram, CheckReport> reports = checkAll(PracticeProgram.buggy());
        reports.forEach((program, report) -> {
            String bug = program.failingCheck().orElseThrow();
            assertThat(failed(report)).as(program + "\n" + report.text()).containsExactly(bug);
            assertThat(report.allPassed()).isFalse();
            CheckResult failure = report.results().stream().filter(r -> r.id().equals(bug)).findFirst().orElseThrow();
            assertThat(failure.evidence()).as(program.name()).isNotEmpty();
            if (program == PracticeProgram.NO_HTONS) {
                assertThat(report.results().subList(1, 9)).allSatisfy(r ->
                        assertThat(r.verdict()).isEqualTo(Verdict.NOT_APPLICABLE));
            } else {
                assertThat(report.count(Verdict.PASSED)).as(program + "\n" + report.text()).isEqualTo(8);
            }
        });
        assertThat(summary(reports, PracticeProgram.NO_HTONS)).contains("swapped", "htons()");
        assertThat(summary(reports, PracticeProgram.NO_REUSEADDR)).contains("EADDRINUSE", "TIME_WAIT", "SO_REUSEADDR");
        assertThat(summary(reports, PracticeProgram.RECV_MINUS_ONE)).contains("18446744073709551615");
        assertThat(summary(reports, PracticeProgram.NO_SEND_LOOP)).contains("did not send the rest");
        assertThat(summary(reports, PracticeProgram.FD_LEAK)).contains("did not close", "descriptors");
        assertThat(summary(reports, PracticeProgram.SIGPIPE)).contains("killed by SIGPIPE");
    }

    private static List<String> failed(CheckReport report) {
        return report.results().stream().filter(r -> r.verdict() == Verdict.FAILED).map(CheckResult::id).toList();
    }

    private static String summary(Map<PracticeProgram, CheckReport> reports, PracticeProgram program) {
        String bug = program.failingCheck().orElseThrow();
        return reports.get(program).results().stream().filter(r -> r.id().equals(bug)).findFirst().orElseThrow().summary();
    }

    private static Map<PracticeProgram, CheckReport> checkAll(List<PracticeProgram> programs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<PracticeProgram, Future<CheckReport>> running = programs.stream().collect(Collectors.toMap(p -> p,
                    p -> pool.submit(() -> check(p))));
            return running.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
                try {
                    return e.getValue().get(100, TimeUnit.SECONDS);
                } catch (Exception ex) {
                    throw new AssertionError(e.getKey() + ": " + ex, ex);
                }
            }));
        } finally {
            pool.shutdownNow();
        }
    }

    private static CheckReport check(PracticeProgram program) {
        int port = program == PracticeProgram.NO_HTONS ? Programs.freePortWithFreeTwin() : Programs.freePort();
        return ProgramCheck.run(new CheckSettings(Programs.of(program, port), OptionalInt.of(port), Expect.ECHO), r -> { });
    }
}
