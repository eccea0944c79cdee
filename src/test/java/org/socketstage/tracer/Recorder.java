package org.socketstage.tracer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;

/** Keeps every event of a bus for a test to look at. */
final class Recorder implements AutoCloseable {

    private final List<ServerEvent> events = new CopyOnWriteArrayList<>();
    private final EventBus.Subscription subscription;

    Recorder(EventBus bus) {
        subscription = bus.subscribe("test-recorder", events::add);
    }

    List<ServerEvent> events() {
        return events;
    }

    List<ServerEvent.CallReturned> returned() {
        return events.stream().filter(ServerEvent.CallReturned.class::isInstance).map(ServerEvent.CallReturned.class::cast).toList();
    }

    List<ServerEvent.CallReturned> returned(Step stage) {
        return returned().stream().filter(r -> r.stage() == stage).toList();
    }

    List<ServerEvent.CallHeld> held() {
        return events.stream().filter(ServerEvent.CallHeld.class::isInstance).map(ServerEvent.CallHeld.class::cast).toList();
    }

    List<String> notices() {
        return events.stream().filter(ServerEvent.Notice.class::isInstance).map(e -> ((ServerEvent.Notice) e).text()).toList();
    }

    boolean kernelSeen() {
        return events.stream().anyMatch(ServerEvent.KernelChanged.class::isInstance);
    }

    @Override
    public void close() {
        subscription.close();
    }
}
