package org.socketstage.instructor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;

/**
 * Records every event from the moment it opens, so a set-up can act first and wait afterwards without
 * missing an answer that came back faster than it started waiting (Classroom.awaitEvent only sees later ones).
 */
final class EventWatch implements AutoCloseable {

    private final List<ServerEvent> seen = new ArrayList<>();
    private final EventBus.Subscription subscription;

    EventWatch(EventBus bus) {
        subscription = bus.subscribe("instructor-watch", this::add);
    }

    private synchronized void add(ServerEvent event) {
        seen.add(event);
        notifyAll();
    }

    /** The first event of this type, published after {@code afterSeq}, that matches; empty on timeout. */
    synchronized <T extends ServerEvent> Optional<T> await(Class<T> type, long afterSeq, Predicate<? super T> match,
            Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = 0;
        while (true) {
            for (int i = from; i < seen.size(); i++) {
                ServerEvent e = seen.get(i);
                if (e.seq() > afterSeq && type.isInstance(e) && match.test(type.cast(e))) {
                    return Optional.of(type.cast(e));
                }
            }
            from = seen.size();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** Every event of this type published after {@code afterSeq} that matches, so far. */
    synchronized <T extends ServerEvent> List<T> all(Class<T> type, long afterSeq, Predicate<? super T> match) {
        List<T> found = new ArrayList<>();
        for (ServerEvent e : seen) {
            if (e.seq() > afterSeq && type.isInstance(e) && match.test(type.cast(e))) {
                found.add(type.cast(e));
            }
        }
        return found;
    }

    @Override
    public void close() {
        subscription.close();
    }
}
