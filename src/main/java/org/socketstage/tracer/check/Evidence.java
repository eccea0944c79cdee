package org.socketstage.tracer.check;

import java.util.ArrayList;
import java.util.List;
import org.socketstage.event.ServerEvent;

/** Picks the lines that prove a verdict from a run's events and output. */
final class Evidence {

    private static final int MAX_LINES = 40;

    private Evidence() {}

    /** Every call and notice of the run, and its standard error: for a program that failed to start. */
    static List<String> everything(CheckRun run) {
        List<String> lines = new ArrayList<>(run.lines(e -> e instanceof ServerEvent.CallReturned
                || e instanceof ServerEvent.Notice));
        lines.addAll(run.stderrLines());
        return cap(lines);
    }

    /** The listening socket's calls. */
    static List<String> setup(CheckRun run) {
        return cap(run.lines(e -> e instanceof ServerEvent.CallReturned r && switch (r.stage()) {
            case SOCKET, SETSOCKOPT, SOCKADDR, BIND, LISTEN -> true;
            default -> false;
        }));
    }

    /** The calls on these clients' connections, the injected calls and the processes' ends. */
    static List<String> clients(CheckRun run, int... clientPorts) {
        List<String> lines = new ArrayList<>(run.lines(e -> {
            if (e instanceof ServerEvent.Notice n) {
                return n.text().startsWith("the process");
            }
            if (!(e instanceof ServerEvent.CallReturned r)) {
                return false;
            }
            if (r.injected() || r.stage() == org.socketstage.event.Step.ACCEPT && r.address() != null
                    && matches(r.address().port(), clientPorts)) {
                return true;
            }
            for (int p : clientPorts) {
                if (CheckRun.forClient(r, p)) {
                    return true;
                }
            }
            return false;
        }));
        return cap(lines);
    }

    private static boolean matches(int port, int[] ports) {
        for (int p : ports) {
            if (p == port) {
                return true;
            }
        }
        return false;
    }

    static List<String> cap(List<String> lines) {
        if (lines.size() <= MAX_LINES) {
            return lines;
        }
        List<String> head = new ArrayList<>(lines.subList(0, MAX_LINES - 1));
        head.add("... and " + (lines.size() - MAX_LINES + 1) + " more lines");
        return head;
    }
}
