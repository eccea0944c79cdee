package org.socketstage.instructor;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;

/** Every event of a bus, for assertions on what the server and the clients really reported. */
final class EventLog implements AutoCloseable {

    private final List<ServerEvent> events = new CopyOnWriteArrayList<>();
    private final EventBus.Subscription subscription;

    EventLog(EventBus bus) {
        subscription = bus.subscribe("test-log", events::add);
    }

    List<CallReturned> returned(Predicate<CallReturned> match) {
        return events.stream().filter(CallReturned.class::isInstance).map(CallReturned.class::cast)
                .filter(match).toList();
    }

    static Predicate<CallReturned> server(Step stage) {
        return r -> r.actor().kind() != Actor.Kind.CLIENT && r.stage() == stage;
    }

    static Predicate<CallReturned> client(String call) {
        return r -> r.actor().kind() == Actor.Kind.CLIENT && r.call().equals(call);
    }

    static Predicate<CallReturned> failedWith(String errno) {
        return r -> r.failed() && r.errno().name().equals(errno);
    }

    /** Waits until such a call has been reported and returns the first one. */
    CallReturned awaitReturned(Predicate<CallReturned> match) {
        await().atMost(Duration.ofSeconds(15)).until(() -> !returned(match).isEmpty());
        return returned(match).get(0);
    }

    long lastSeq() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
    }

    List<ServerEvent> events() {
        return events;
    }

    @Override
    public void close() {
        subscription.close();
    }
}
