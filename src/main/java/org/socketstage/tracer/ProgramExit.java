package org.socketstage.tracer;

/** How a process of the traced program ended: its exit status, or the signal that killed it. */
public record ProgramExit(int pid, int status, String signal, boolean coreDumped) {

    static ProgramExit of(int pid, WaitStatus ws) {
        if (ws.signaled()) {
            return new ProgramExit(pid, -1, Signals.name(ws.termSignal()), (ws.raw() & 0x80) != 0);
        }
        return new ProgramExit(pid, ws.exitCode(), null, false);
    }

    public boolean killedBySignal() {
        return signal != null;
    }

    public boolean success() {
        return signal == null && status == 0;
    }

    /** {@code exited with status 1} or {@code was killed by SIGPIPE: …}. */
    public String text() {
        if (signal != null) {
            return "was killed by " + signal + (coreDumped ? " (core dumped)" : "") + explain(signal);
        }
        return "exited with status " + status;
    }

    private static String explain(String signal) {
        return switch (signal) {
            case "SIGPIPE" -> ": it sent to a connection whose peer had gone, without MSG_NOSIGNAL or ignoring SIGPIPE";
            case "SIGSEGV" -> ": it touched memory it does not own";
            default -> "";
        };
    }
}
