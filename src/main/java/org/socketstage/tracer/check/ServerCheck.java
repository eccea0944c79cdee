package org.socketstage.tracer.check;

import java.io.IOException;
import java.util.List;
import org.socketstage.event.ServerEvent;
import org.socketstage.tracer.Injection;

/**
 * A check that needs the program up and listening on its port: launches it with this check's faults armed,
 * waits for listen(), then lets the subclass act and judge. Stops the program afterwards.
 */
abstract class ServerCheck implements Check {

    /** A line of text a client sends; 40 bytes, long enough to be cut in two. */
    static final String LINE = "hello from SocketStage, line number 01\n";

    List<Injection> faults() {
        return List.of();
    }

    abstract CheckResult judge(CheckContext context, CheckRun run) throws IOException;

    @Override
    public CheckResult run(CheckContext context) {
        try (CheckRun run = context.launch(faults())) {
            if (!run.awaitListening()) {
                return CheckResult.failed(this, context.notListening(run), Evidence.everything(run));
            }
            if (run.port() != context.port()) {
                return CheckResult.failed(this, context.otherPort(run.port()), Evidence.setup(run));
            }
            return judge(context, run);
        } catch (IOException e) {
            return CheckResult.failed(this, "a client could not reach the program on port " + context.port() + ": "
                    + e.getMessage(), List.of());
        }
    }

    /** The program ended (by itself) during the check. */
    static boolean died(CheckRun run) {
        return run.program().exit().isPresent();
    }

    static String exitText(CheckRun run) {
        return run.program().exit().map(x -> "the program " + x.text()).orElse("the program ended");
    }

    static boolean isInjected(ServerEvent e) {
        return e instanceof ServerEvent.CallReturned r && r.injected();
    }
}
