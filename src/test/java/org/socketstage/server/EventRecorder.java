package org.socketstage.server;

import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Collects every event from a bus, for tests that wait on what the server reported. */
final class EventRecorder implements AutoCloseable {

    private final List<ServerEvent> events = new CopyOnWriteArrayList<>();
    private final EventBus.Subscription subscription;

    EventRecorder(EventBus bus) {
        subscription = bus.subscribe("test-recorder", events::add);
    }

    List<ServerEvent> events() {
        return events;
    }

    List<ServerEvent.CallReturned> returned() {
        return events.stream().filter(ServerEvent.CallReturned.class::isInstance)
                .map(ServerEvent.CallReturned.class::cast).toList();
    }

    List<ServerEvent.CallReturned> returned(Step stage) {
        return returned().stream().filter(r -> r.stage() == stage).toList();
    }

    Optional<ServerEvent.CallReturned> firstReturned(Predicate<ServerEvent.CallReturned> p) {
        return returned().stream().filter(p).findFirst();
    }

    boolean held(Step stage) {
        return events.stream().anyMatch(e -> e instanceof ServerEvent.CallHeld h && h.stage() == stage);
    }

    boolean reachedState(ServerState state) {
        return events.stream().anyMatch(e -> e instanceof ServerEvent.StateChanged s && s.state() == state);
    }

    /** Waits until every event published so far has been recorded. */
    void drain() {
        try {
            subscription.drain(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        drain();
        subscription.close();
    }
}
