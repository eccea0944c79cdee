package org.socketstage.instructor;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpState;
import org.socketstage.event.Actor;
import org.socketstage.settings.Concurrency;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;

/**
 * Backlog overflow: backlog 1, nobody calls accept(), five clients at once. Linux queues backlog + 1
 * connections and drops the SYNs of the rest, which stay in SYN_SENT while ListenOverflows rises.
 * The clients get a connect timeout longer than the kernel's own SYN retries (about two minutes), so they
 * are still waiting when the instructor presses "Let them in" after talking for a minute; the client panel's
 * default of 5 s would have them fail with ETIMEDOUT first.
 */
final class BacklogOverflow extends FaultDemo {

    static final int BACKLOG = 1;
    static final int CLIENTS = 5;
    /** Longer than Linux's SYN retries last (about 130 s with tcp_syn_retries 6): the kernel decides. */
    static final Duration CLIENT_CONNECT_TIMEOUT = Duration.ofSeconds(180);
    /** Past a SYN retransmit's timer: a slot only fills when a waiting client's SYN arrives. */
    private static final Duration AFTER_THE_RETRANSMIT = Duration.ofSeconds(3);
    /** Without the kernel's timers (no /proc), wait as long as the longest gap between retries can be. */
    private static final Duration LONGEST_GAP = Duration.ofSeconds(70);
    /** However many retries it takes (a retry can find the queue full again): the kernel gives up by then. */
    private static final Duration AT_MOST = Duration.ofSeconds(140);

    private final SynRetransmits retransmits = SynRetransmits.system();

    @Override
    public Fault fault() {
        return Fault.BACKLOG_DEMO;
    }

    @Override
    public Optional<String> followUpKey() {
        return Optional.of("instructor.followup.letin");
    }

    @Override
    protected Outcome demonstrate(Rig rig) throws InterruptedException {
        if (!rig.kernel.available()) {
            return Outcome.notShown("the kernel's table (/proc/net/tcp) cannot be read here, so the queue cannot be shown");
        }
        rig.stopServer();
        rig.room.configure(rig.room.config().withBacklog(BACKLOG));
        rig.room.gate().setBreakpoint(Step.ACCEPT, true);
        rig.say("backlog 1 and a breakpoint before accept(): nothing takes connections out of the queue");
        rig.restartServer();
        if (!rig.heldAt(Step.ACCEPT)) {
            return Outcome.notShown("the server did not reach accept()");
        }
        int port = rig.serverPort();
        long overflowsBefore = rig.kernel.listenOverflows().orElse(-1);
        rig.room.clients().connect(CLIENTS, CLIENT_CONNECT_TIMEOUT);
        rig.say(CLIENTS + " clients connect at once, each with a connect timeout of " + CLIENT_CONNECT_TIMEOUT.toSeconds()
                + " s: longer than the kernel keeps retrying its SYN (about two minutes), so the kernel decides when "
                + "one gives up. The client panel's own default is 5 s: its clients would fail with ETIMEDOUT soon.");
        Optional<KernelSnapshot> seen = rig.kernel.awaitMatch(port, OptionalInt.of(BACKLOG),
                s -> s.acceptQueue().orElse(0) > BACKLOG
                        && KernelProbe.clientSide(s, port, TcpState.SYN_SENT) > 0
                        && overflows(s) > overflowsBefore,
                rig.patience());
        KernelSnapshot s = seen.orElseThrow();
        int queue = s.acceptQueue().orElse(0);
        long synSent = KernelProbe.clientSide(s, port, TcpState.SYN_SENT);
        String counts = "kernel: accept queue " + queue + " (" + queueNote(queue) + "), "
                + synSent + " client(s) in SYN_SENT, ListenOverflows " + overflowsBefore + " → " + overflows(s);
        if (queue <= BACKLOG || synSent == 0 || overflows(s) <= overflowsBefore) {
            return Outcome.notShown(counts + ": the queue did not overflow as expected");
        }
        return Outcome.shown(counts + ". Their SYNs are dropped, not refused. Press \"Let them in\": accept() runs "
                + "again and each waiting client gets in at its next SYN retransmit.");
    }

    @Override
    protected Outcome continueDemonstration(Rig rig) throws InterruptedException {
        int port = rig.serverPort();
        long waitingBefore = KernelProbe.clientSide(rig.kernel.now(port, OptionalInt.empty()), port, TcpState.SYN_SENT);
        boolean iterative = rig.room.config().concurrency() == Concurrency.ITERATIVE;
        rig.room.gate().setBreakpoint(Step.ACCEPT, false);
        rig.room.gate().resume();
        rig.say("breakpoint on accept() cleared: accept() runs again");
        long target = iterative ? Math.max(0, waitingBefore - 1) : 0;
        SynRetryWatch.Result watched = waitingBefore == 0 ? new SynRetryWatch.Result(0, Optional.empty(), 0)
                : new SynRetryWatch(rig.kernel, retransmits, AFTER_THE_RETRANSMIT, LONGEST_GAP, AT_MOST)
                        .await(port, target, rig::say);
        Optional<KernelSnapshot> seen = watched.last();
        long waiting = seen.isPresent() ? watched.waiting() : waitingBefore;
        long accepted = rig.seen(CallReturned.class, r -> r.actor().kind() == Actor.Kind.SERVER
                && r.stage() == Step.ACCEPT && !r.failed()).size();
        String text = accepted + " accept() call(s) returned; clients in SYN_SENT: " + waitingBefore + " → " + waiting
                + (iterative ? ". The iterative server serves one client at a time: the others get in as each one "
                        + "finishes (send exit)." : ".");
        text += seen.map(s -> halfOpen(s, port)).orElse("");
        if (waitingBefore == 0) {
            return Outcome.notShown(text + " No client was waiting in SYN_SENT any more (a client gives up after "
                    + "its connect timeout).");
        }
        return waiting <= target
                ? Outcome.shown(text + (watched.retries() > 1
                        ? " The waiting clients got in, though not all at their first retry: one that found the queue "
                                + "full again was dropped and knocked later (" + watched.retries() + " rounds of retries)."
                        : " The waiting clients got in after a SYN retransmit."))
                : Outcome.notShown(text);
    }

    /**
     * Clients that believe they are connected while the server's kernel has no connection for them: their
     * final ACK was dropped while the queue was full. A successful connect() does not prove the queue has it.
     */
    private static String halfOpen(KernelSnapshot s, int port) {
        java.util.Set<Integer> serverKnows = s.rows().stream().filter(r -> r.localPort() == port)
                .map(r -> r.remotePort()).collect(java.util.stream.Collectors.toSet());
        long unknown = s.rows().stream().filter(r -> r.remotePort() == port && r.state() == TcpState.ESTABLISHED
                && !serverKnows.contains(r.localPort())).count();
        return unknown == 0 ? "" : " " + unknown + " client(s) show ESTABLISHED although the server's kernel has no "
                + "connection for them yet: their final ACK was dropped while the queue was full, and they get in "
                + "when the server repeats its SYN-ACK or the client sends data.";
    }

    /**
     * Linux lets backlog + 1 wait. Its "is the queue full?" check takes no lock, so handshakes that finish at the
     * same instant on different CPUs can each pass it: now and then one more waits (seen here about once in 150
     * tries on 2 cores). The demo says so rather than print a count that contradicts its own rule.
     */
    static String queueNote(int queue) {
        String rule = "backlog " + BACKLOG + "; Linux queues backlog + 1";
        return queue <= BACKLOG + 1 ? rule
                : rule + " as a rule, " + queue + " this time: handshakes that finished at the same instant on "
                        + "different CPUs each passed the kernel's lock-free \"is the queue full?\" check before "
                        + "the others were added";
    }

    private static long overflows(KernelSnapshot s) {
        OptionalLong o = s.listenOverflows();
        return o.isPresent() ? o.getAsLong() : -1;
    }
}
