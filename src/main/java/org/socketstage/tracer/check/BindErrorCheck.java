package org.socketstage.tracer.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.tracer.Injection;
import org.socketstage.tracer.ProgramExit;

/** bind() fails with EADDRINUSE: the program must say so and exit with a non-zero status, not crash or go on. */
final class BindErrorCheck implements Check {

    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    @Override
    public String id() {
        return "bind-error";
    }

    @Override
    public String title() {
        return "EADDRINUSE at bind(): reports it and exits with a non-zero status";
    }

    @Override
    public CheckResult run(CheckContext context) {
        Injection fault = Injection.errno("bind", Errno.byName("EADDRINUSE").orElseThrow(), 1);
        try (CheckRun run = context.launch(List.of(fault))) {
            if (run.await(ServerEvent.CallReturned.class, r -> r.injected() && r.stage() == Step.BIND,
                    context.settings().listenWait()).isEmpty()) {
                return CheckResult.notApplicable(this, "the program made no bind() call", Evidence.everything(run));
            }
            boolean listened = run.program().awaitListening(EXIT_WAIT);
            boolean ended = !listened && run.awaitEnd(EXIT_WAIT);
            List<String> evidence = new ArrayList<>(run.lines(e -> e instanceof ServerEvent.CallReturned r
                    && (r.stage() == Step.BIND || r.stage() == Step.LISTEN) || e instanceof ServerEvent.Notice n
                    && n.text().startsWith("the process")));
            evidence.addAll(run.stderrLines());
            if (listened) {
                return CheckResult.failed(this, "went on after bind() failed: it listens on port "
                        + run.program().boundPort() + " (a port the kernel picked). Check bind()'s result and stop", evidence);
            }
            if (!ended) {
                return CheckResult.failed(this, "still running " + EXIT_WAIT.toSeconds() + " s after bind() failed with"
                        + " EADDRINUSE: a server that cannot get its port should say so and exit", evidence);
            }
            ProgramExit exit = run.program().exit().orElse(null);
            if (exit == null || exit.killedBySignal()) {
                return CheckResult.failed(this, "crashed after bind() failed: the program "
                        + (exit == null ? "ended" : exit.text()), evidence);
            }
            if (exit.status() == 0) {
                return CheckResult.failed(this, "exited with status 0 after bind() failed: exit with a non-zero status"
                        + " (EXIT_FAILURE) so that scripts notice", evidence);
            }
            List<String> words = run.output();
            if (words.isEmpty()) {
                return CheckResult.failed(this, "exited with status " + exit.status() + " but said nothing: print why"
                        + " it cannot start, e.g. perror(\"bind\")", evidence);
            }
            String said = words.get(words.size() - 1).replaceFirst("^std(err|out): ", "");
            return CheckResult.passed(this, "exited with status " + exit.status() + " and said: " + said, evidence);
        }
    }
}
