package org.socketstage.lessons;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.socketstage.kernel.TcpState;
import org.socketstage.lessons.CallMatch.Origin;
import org.socketstage.lessons.CallMatch.Outcome;
import org.socketstage.event.ServerState;
import org.socketstage.socket.Errno;

/**
 * Reads the goal language of "Try it" tasks (documented in lessons/README.md). Words are separated by spaces;
 * keywords are lower case; errno, TCP state and server state names are upper case as in man pages.
 */
public final class GoalParser {

    /** Shown with every syntax error, so an author sees at once what would have been right. */
    public static final String ACCEPTED_FORMS = String.join("; ",
            "[client] call NAME succeeds",
            "[client] call NAME fails [ERRNO[|ERRNO...]]",
            "[client] call NAME returns [OP] NUMBER",
            "(each may end with 'real' or 'simulated')",
            "count [client] call NAME [succeeds|fails [ERRNO]] [real|simulated] OP NUMBER",
            "kernel accept-queue OP NUMBER",
            "kernel state TCP_STATE [OP NUMBER]",
            "kernel listen-overflows rises",
            "kernel listen-port OP NUMBER",
            "server state SERVER_STATE",
            "server connections OP NUMBER");

    public static final List<String> CALL_NAMES = List.of("socket", "setsockopt", "bind", "listen", "accept",
            "recv", "send", "close", "close-client", "close-listener", "shutdown", "connect", "poll", "any");

    private static final String OPERATORS = "==, !=, <, <=, >, >=";

    private GoalParser() {}

    public static Goal parse(String text) throws GoalSyntaxException {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw error("empty goal", trimmed);
        }
        Tokens t = new Tokens(trimmed);
        String first = t.next("a goal");
        Goal goal = switch (first) {
            case "call", "client" -> new Goal.CallGoal(trimmed, callMatch(t, first.equals("client"), false));
            case "count" -> count(t, trimmed);
            case "kernel" -> kernel(t, trimmed);
            case "server" -> server(t, trimmed);
            default -> throw error("a goal starts with call, client, count, kernel or server, not '" + first + "'",
                    trimmed);
        };
        if (t.hasNext()) {
            throw error("unexpected '" + t.peek() + "' at the end", trimmed);
        }
        return goal;
    }

    private static Goal count(Tokens t, String text) throws GoalSyntaxException {
        String w = t.next("'call' or 'client' after count");
        if (!w.equals("call") && !w.equals("client")) {
            throw error("expected 'call' or 'client' after count, found '" + w + "'", text);
        }
        CallMatch m = callMatch(t, w.equals("client"), true);
        Comparison op = operator(t, text);
        return new Goal.CountGoal(text, m, op, number(t, text));
    }

    /** Reads {@code [call] NAME outcome [origin]}; for count goals the outcome is optional. */
    private static CallMatch callMatch(Tokens t, boolean client, boolean forCount) throws GoalSyntaxException {
        String text = t.text;
        if (client && !t.next("'call' after client").equals("call")) {
            throw error("expected 'call' after client", text);
        }
        String name = t.next("a call name").toLowerCase(Locale.ROOT);
        if (!CALL_NAMES.contains(name)) {
            throw error("unknown call '" + name + "'; known calls: " + String.join(", ", CALL_NAMES), text);
        }
        Outcome outcome = Outcome.ANY;
        Set<String> errnos = Set.of();
        Comparison op = Comparison.EQ;
        long value = 0;
        String w = t.hasNext() ? t.peek() : "";
        switch (w) {
            case "succeeds" -> {
                t.next("");
                outcome = Outcome.SUCCEEDS;
            }
            case "fails" -> {
                t.next("");
                outcome = Outcome.FAILS;
                if (t.hasNext() && t.peek().startsWith("E")) {
                    errnos = errnos(t.next(""), text);
                }
            }
            case "returns" -> {
                if (forCount) {
                    throw error("a count goal takes succeeds or fails, not returns", text);
                }
                t.next("");
                outcome = Outcome.RETURNS;
                if (t.hasNext() && Comparison.fromSymbol(t.peek()).isPresent()) {
                    op = operator(t, text);
                }
                value = number(t, text);
            }
            default -> {
                if (!forCount) {
                    throw error(w.isEmpty() ? "missing outcome after 'call " + name + "'"
                            : "expected succeeds, fails or returns after the call name, found '" + w + "'", text);
                }
            }
        }
        Origin origin = Origin.EITHER;
        if (t.hasNext() && (t.peek().equals("real") || t.peek().equals("simulated"))) {
            origin = t.next("").equals("real") ? Origin.REAL : Origin.SIMULATED;
        }
        return new CallMatch(client, name, outcome, errnos, op, value, origin);
    }

    private static Set<String> errnos(String word, String text) throws GoalSyntaxException {
        Set<String> names = new LinkedHashSet<>();
        for (String n : word.split("\\|")) {
            if (!Errno.knownNames().contains(n)) {
                throw error("unknown errno '" + n + "'; known: " + String.join(", ", Errno.knownNames()), text);
            }
            names.add(n);
        }
        return names;
    }

    private static Goal kernel(Tokens t, String text) throws GoalSyntaxException {
        String what = t.next("accept-queue, state, listen-overflows or listen-port after kernel");
        switch (what) {
            case "accept-queue" -> {
                Comparison op = operator(t, text);
                return new Goal.AcceptQueueGoal(text, op, number(t, text));
            }
            case "state" -> {
                TcpState state = tcpState(t.next("a TCP state after 'kernel state'"), text);
                if (!t.hasNext()) {
                    return new Goal.TcpStateGoal(text, state, Comparison.GE, 1);
                }
                Comparison op = operator(t, text);
                return new Goal.TcpStateGoal(text, state, op, number(t, text));
            }
            case "listen-overflows" -> {
                String w = t.next("'rises' after listen-overflows");
                if (!w.equals("rises")) {
                    throw error("expected 'rises' after listen-overflows, found '" + w + "'", text);
                }
                return new Goal.ListenOverflowGoal(text);
            }
            case "listen-port" -> {
                Comparison op = operator(t, text);
                return new Goal.ListenPortGoal(text, op, number(t, text));
            }
            default -> throw error("expected accept-queue, state, listen-overflows or listen-port after kernel, "
                    + "found '" + what + "'", text);
        }
    }

    private static TcpState tcpState(String word, String text) throws GoalSyntaxException {
        for (TcpState s : TcpState.values()) {
            if (s != TcpState.UNKNOWN && s.name().equals(word)) {
                return s;
            }
        }
        String known = Arrays.stream(TcpState.values()).filter(s -> s != TcpState.UNKNOWN).map(Enum::name)
                .collect(Collectors.joining(", "));
        throw error("unknown TCP state '" + word + "'; known: " + known, text);
    }

    private static Goal server(Tokens t, String text) throws GoalSyntaxException {
        String w = t.next("'state' or 'connections' after server");
        if (w.equals("connections")) {
            Comparison op = operator(t, text);
            return new Goal.OpenConnectionsGoal(text, op, number(t, text));
        }
        if (!w.equals("state")) {
            throw error("expected 'state' or 'connections' after server, found '" + w + "'", text);
        }
        String name = t.next("a server state");
        for (ServerState s : ServerState.values()) {
            if (s.name().equals(name)) {
                return new Goal.ServerStateGoal(text, s);
            }
        }
        throw error("unknown server state '" + name + "'; known: "
                + Arrays.stream(ServerState.values()).map(Enum::name).collect(Collectors.joining(", ")), text);
    }

    private static Comparison operator(Tokens t, String text) throws GoalSyntaxException {
        String w = t.next("a comparison (" + OPERATORS + ")");
        return Comparison.fromSymbol(w).orElseThrow(
                () -> error("expected a comparison (" + OPERATORS + "), found '" + w + "'", text));
    }

    private static long number(Tokens t, String text) throws GoalSyntaxException {
        String w = t.next("a number");
        try {
            return Long.parseLong(w);
        } catch (NumberFormatException e) {
            throw error("expected a whole number, found '" + w + "'", text);
        }
    }

    private static GoalSyntaxException error(String what, String text) {
        return new GoalSyntaxException("bad goal '" + text + "': " + what + ". Accepted forms: " + ACCEPTED_FORMS);
    }

    private static final class Tokens {
        final String text;
        private final String[] words;
        private int pos;

        Tokens(String text) {
            this.text = text;
            this.words = text.split("\\s+");
        }

        boolean hasNext() {
            return pos < words.length;
        }

        String peek() {
            return words[pos];
        }

        String next(String expected) throws GoalSyntaxException {
            if (!hasNext()) {
                throw error("missing " + expected + " at the end", text);
            }
            return words[pos++];
        }
    }
}
