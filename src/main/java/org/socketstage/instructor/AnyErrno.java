package org.socketstage.instructor;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;

/**
 * Any call, any errno: the instructor picks a call and an errno, and the next such call fails with it,
 * simulated. The set-up then drives the server to that call so the class sees it at once.
 */
public final class AnyErrno extends FaultDemo {

    /**
     * The calls that may be failed. Not sockaddr_in (no system call: the program fills memory), and not the two
     * close() calls: the step gate fails a call instead of making it, so a "failed" close would leave the real
     * descriptor open (a listening socket would keep the port).
     */
    public static final List<Step> CHOOSABLE = List.of(Step.SOCKET, Step.SETSOCKOPT, Step.BIND, Step.LISTEN,
            Step.ACCEPT, Step.RECV, Step.SEND);
    public static final Step DEFAULT_STAGE = Step.ACCEPT;
    public static final String DEFAULT_ERRNO = "ECONNABORTED";

    private Step stage = DEFAULT_STAGE;
    private Errno errno = Errno.byName(DEFAULT_ERRNO).orElseThrow();

    @Override
    public Fault fault() {
        return Fault.ANY_ERRNO;
    }

    public synchronized Step stage() {
        return stage;
    }

    public synchronized Errno errno() {
        return errno;
    }

    /** Chooses the call and the errno for the next set-up. */
    public synchronized void choose(Step newStage, Errno newErrno) {
        if (!CHOOSABLE.contains(newStage)) {
            throw new IllegalArgumentException(stageProblem(newStage.label()));
        }
        stage = newStage;
        errno = newErrno;
    }

    /**
     * Checks a call and errno typed by a person, e.g. {@code accept} and {@code EINTR}: empty when both are
     * fine, else a message saying which is wrong and what is accepted.
     */
    public static Optional<String> check(String call, String errnoName) {
        if (parseStage(call).isEmpty()) {
            return Optional.of(stageProblem(call));
        }
        if (errnoName == null || Errno.byName(errnoName.trim().toUpperCase(Locale.ROOT)).isEmpty()) {
            return Optional.of("unknown errno '" + errnoName + "'; accepted: " + String.join(", ", Errno.knownNames()));
        }
        return Optional.empty();
    }

    /** A stage by its name ({@code ACCEPT}) or its call ({@code accept}, {@code accept()}), among the choosable ones. */
    public static Optional<Step> parseStage(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace("()", "");
        return CHOOSABLE.stream().filter(s -> s.name().toLowerCase(Locale.ROOT).equals(t)
                || s.label().replace("()", "").equals(t)).findFirst();
    }

    private static String stageProblem(String call) {
        return "cannot fail '" + call + "' on purpose; accepted calls: "
                + String.join(", ", CHOOSABLE.stream().map(Step::label).toList());
    }

    @Override
    protected Outcome demonstrate(Rig rig) throws InterruptedException {
        Step chosen;
        Errno failure;
        synchronized (this) {
            chosen = stage;
            failure = errno;
        }
        rig.stopServer();
        if (chosen == Step.SETSOCKOPT && !rig.room.config().reuseAddr()) {
            rig.room.configure(rig.room.config().withReuseAddr(true));
            rig.say("SO_REUSEADDR switched on: without it the server makes no setsockopt() call");
        }
        rig.room.faults().failNext(chosen, failure);
        rig.pauseAtNextFault();
        rig.say("armed: the next " + chosen.label() + " fails with " + failure.straceText() + " (simulated)");
        rig.restartServer();
        if (chosen.perClient()) {
            if (!rig.awaitAccepting()) {
                return Outcome.notShown("the server did not start; see the log");
            }
            rig.room.clients().connect(1);
            rig.say("a client connects so that the server reaches " + chosen.label());
            if (chosen == Step.SEND) {
                rig.room.clients().send(Conversation.LINE);
            }
        }
        Optional<CallReturned> call = rig.await(CallReturned.class,
                r -> r.actor().kind() != Actor.Kind.CLIENT && r.stage() == chosen && r.simulated());
        if (call.isEmpty()) {
            return Outcome.notShown("the server did not reach " + chosen.label() + "; the fault stays armed until it does");
        }
        return Outcome.shown("server: " + Rig.describe(call.get()) + ": SocketStage failed the call, the kernel was "
                + "not asked. " + reaction(rig, call.get()) + " " + advice(chosen, failure));
    }

    /** What this server really did next, as the events tell it (not what a server ought to do). */
    private static String reaction(Rig rig, CallReturned failed) throws InterruptedException {
        Step stage = failed.stage();
        Optional<ServerEvent> next = rig.awaitReaction(ServerEvent.class, e -> e.seq() > failed.seq()
                && (e instanceof ServerEvent.StateChanged c && (c.state() == ServerState.FAILED
                        || c.state() == ServerState.STOPPED)
                || e instanceof CallReturned r && r.actor().kind() != Actor.Kind.CLIENT
                        && (r.stage() == stage || r.stage() == Step.CLOSE_CLIENT && failed.actor().kind() == Actor.Kind.CONNECTION
                                && r.actor().equals(failed.actor()))
                || e instanceof ServerEvent.CallStarted c2 && c2.actor().kind() == Actor.Kind.SERVER
                        && c2.stage() == Step.ACCEPT && stage == Step.ACCEPT));
        if (next.isEmpty()) {
            return "What this server does next has not happened yet.";
        }
        ServerEvent e = next.get();
        if (e instanceof ServerEvent.StateChanged c) {
            return "This server then stopped (" + c.state() + (c.detail() == null || c.detail().isBlank() ? "" : ": "
                    + c.detail()) + ").";
        }
        if (e instanceof CallReturned r && r.stage() == Step.CLOSE_CLIENT) {
            return "This server then closed that connection: " + r.straceText() + ", and kept serving.";
        }
        if (e instanceof CallReturned r) {
            return "This server then made the call again: " + r.straceText() + ".";
        }
        return "This server then went back to accept() and waits for the next client.";
    }

    private static String advice(Step stage, Errno errno) {
        if (errno.name().equals("EINTR")) {
            return "EINTR only means a signal interrupted the call: a real server simply calls it again.";
        }
        return switch (stage) {
            case SOCKET, SETSOCKOPT, BIND, LISTEN -> "A setup call failed: the server cannot start, so it reports "
                    + "the reason and exits.";
            case ACCEPT -> "accept() failures concern at most one client: a real server logs it and accepts again.";
            default -> "This conversation is over: the server closes this client and keeps serving the others.";
        };
    }
}
