package org.socketstage.lessons;

import java.util.Set;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;

/**
 * Which returned calls a goal is about: who made it (the server or a client), which call, how it ended, and
 * whether it was real or failed on purpose by SocketStage.
 *
 * @param client  true for calls made by a client socket, false for the server's own calls
 * @param call    a system call name, {@code close-client}, {@code close-listener} or {@code any}
 * @param outcome how the call must have ended
 * @param errnos  for FAILS: the errno names accepted (empty = any errno)
 * @param compare for RETURNS: how the result is compared with {@code value}
 */
public record CallMatch(
        boolean client, String call, Outcome outcome, Set<String> errnos, Comparison compare, long value,
        Origin origin) {

    public enum Outcome { ANY, SUCCEEDS, FAILS, RETURNS }

    public enum Origin { EITHER, REAL, SIMULATED }

    public CallMatch {
        errnos = Set.copyOf(errnos);
    }

    public boolean matches(CallReturned r) {
        boolean byClient = r.actor() != null && r.actor().kind() == Actor.Kind.CLIENT;
        if (byClient != client || !callMatches(r)) {
            return false;
        }
        if (origin == Origin.REAL && r.simulated() || origin == Origin.SIMULATED && !r.simulated()) {
            return false;
        }
        return switch (outcome) {
            case ANY -> true;
            case SUCCEEDS -> !r.failed();
            case FAILS -> r.failed() && (errnos.isEmpty() || errnos.contains(r.errno().name()));
            case RETURNS -> !r.failed() && compare.test(r.result(), value);
        };
    }

    private boolean callMatches(CallReturned r) {
        return switch (call) {
            case "any" -> true;
            case "close-client" -> r.stage() == Step.CLOSE_CLIENT;
            case "close-listener" -> r.stage() == Step.CLOSE_LISTENER;
            default -> call.equals(r.call()) || !client && call.equals(syscallOf(r.stage()));
        };
    }

    /** The system call a server stage makes; the engine may name the call itself differently (accept4). */
    static String syscallOf(Step stage) {
        if (stage == null) {
            return "";
        }
        return switch (stage) {
            case SOCKET -> "socket";
            case SETSOCKOPT -> "setsockopt";
            case SOCKADDR -> "";
            case BIND -> "bind";
            case LISTEN -> "listen";
            case ACCEPT -> "accept";
            case RECV -> "recv";
            case SEND -> "send";
            case CLOSE_CLIENT, CLOSE_LISTENER -> "close";
        };
    }
}
