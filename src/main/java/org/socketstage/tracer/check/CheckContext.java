package org.socketstage.tracer.check;

import java.util.List;
import java.util.Optional;
import org.socketstage.event.ServerEvent;
import org.socketstage.tracer.Injection;
import org.socketstage.tracer.ProgramExit;

/** What the checks share: the settings, and the port the program was seen to serve on. */
public final class CheckContext {

    private final CheckSettings settings;
    private volatile int port = -1;

    CheckContext(CheckSettings settings) {
        this.settings = settings;
        settings.port().ifPresent(p -> port = p);
    }

    public CheckSettings settings() {
        return settings;
    }

    /** The port every launch should listen on. */
    int port() {
        return port;
    }

    void learnPort(int port) {
        this.port = port;
    }

    CheckRun launch(List<Injection> faults) {
        return CheckRun.start(settings, faults);
    }

    /** Why a launch did not reach listen(): it ended ("exits at once") or never called it ("never listens"). */
    String notListening(CheckRun run) {
        Optional<ServerEvent.CallReturned> failedSetup = run.all(ServerEvent.CallReturned.class, r -> r.failed()
                && switch (r.stage()) {
                    case SOCKET, SETSOCKOPT, BIND, LISTEN -> true;
                    default -> false;
                }).stream().findFirst();
        String setup = failedSetup.map(r -> "; " + r.straceText()).orElse("");
        if (run.awaitEnd(java.time.Duration.ZERO) || run.program().exit().isPresent()) {
            String exit = run.program().exit().map(ProgramExit::text).orElse("ended");
            List<String> words = run.program().stderrTail();
            return "exits at once: the program " + exit + " before it listened" + setup
                    + (words.isEmpty() ? "" : "; it said: " + words.get(words.size() - 1));
        }
        return "never listens: no successful listen() within " + settings.listenWait().toSeconds() + " s" + setup;
    }

    /** A launch listened, but on another port than the first one (or than --port). */
    String otherPort(int seen) {
        return "listens on port " + seen + ", not " + port + (swapped(port) == seen
                ? ": the two bytes of the port are swapped, as when sin_port is set without htons()" : "");
    }

    static int swapped(int port) {
        return ((port & 0xff) << 8) | ((port >> 8) & 0xff);
    }
}
