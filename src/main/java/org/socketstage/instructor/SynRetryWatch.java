package org.socketstage.instructor;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.socketstage.kernel.KernelSnapshot;
import org.socketstage.kernel.TcpState;

/**
 * Waits for clients left in SYN_SENT to get in once accept() runs again, through as many of their retries as
 * it takes within a bound. One retry is not always enough: when several waiting clients knock in the same
 * instant, the first two refill a backlog-1 queue before the server's accept() thread has woken, and the
 * kernel drops the next SYN as it dropped the first. That client is back in SYN_SENT with its timer doubled,
 * so the watch says so and waits for that retry too.
 */
final class SynRetryWatch {

    /** Where the waiting ended: clients still in SYN_SENT, the last snapshot, and how many retries it waited for. */
    record Result(long waiting, Optional<KernelSnapshot> last, int retries) {}

    private final KernelProbe kernel;
    private final SynRetransmits retransmits;
    private final Duration afterTheRetransmit;
    private final Duration longestGap;
    private final Duration atMost;

    /**
     * @param afterTheRetransmit how long past a retry's timer to look before calling it missed
     * @param longestGap the wait when the kernel's timers cannot be read
     * @param atMost the whole wait's bound, however many retries
     */
    SynRetryWatch(KernelProbe kernel, SynRetransmits retransmits, Duration afterTheRetransmit, Duration longestGap,
            Duration atMost) {
        this.kernel = kernel;
        this.retransmits = retransmits;
        this.afterTheRetransmit = afterTheRetransmit;
        this.longestGap = longestGap;
        this.atMost = atMost;
    }

    /** Until at most {@code target} clients to {@code port} are in SYN_SENT, or no retry is left within the bound. */
    Result await(int port, long target, Consumer<String> say) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        Duration wait = nextWait(port, deadline);
        say.accept("a freed slot fills when a waiting client sends its SYN again: the kernel's timers say within "
                + seconds(wait.minus(afterTheRetransmit)) + " s");
        int retries = 1;
        Optional<KernelSnapshot> last = kernel.awaitMatch(port, OptionalInt.empty(), s -> waiting(s, port) <= target, wait);
        while (last.isPresent() && waiting(last.get(), port) > target && System.nanoTime() < deadline) {
            List<SynRetransmits.Waiting> still = retransmits.towards(port);
            if (still.isEmpty()) {
                break;
            }
            wait = nextWait(port, deadline);
            say.accept(still.size() + " client(s) still in SYN_SENT: a retry that finds the queue full again (backlog "
                    + "+ 1 connections not yet taken by accept()) is dropped like the first SYN. The next retry, its timer "
                    + "doubled, comes within " + seconds(wait.minus(afterTheRetransmit)) + " s");
            retries++;
            last = kernel.awaitMatch(port, OptionalInt.empty(), s -> waiting(s, port) <= target, wait);
        }
        return new Result(last.map(s -> waiting(s, port)).orElse(-1L), last, retries);
    }

    /** Until every waiting client has sent its next SYN, plus a margin; never past the deadline. */
    private Duration nextWait(int port, long deadline) {
        Duration d = retransmits.towards(port).isEmpty() ? longestGap
                : retransmits.untilAllRetry(port).plus(afterTheRetransmit);
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        return d.compareTo(left) > 0 ? left : d;
    }

    private static long waiting(KernelSnapshot s, int port) {
        return KernelProbe.clientSide(s, port, TcpState.SYN_SENT);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
