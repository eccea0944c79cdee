package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socketstage.ui.MainWindowTest.fx;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An idle window must not ask JavaFX for pulses: the pump's timer runs only while it has something to deliver,
 * starts again with the next event, and a view that wants a pulse without an event (a moment chosen in the
 * history) gets one.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FxEventPumpPulseTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final EventBus bus = new EventBus();
    /** Taken in by the view models, and shown at a refresh. */
    private final List<ServerEvent> taken = new java.util.ArrayList<>();
    private final List<ServerEvent> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger emptyBatches = new AtomicInteger();
    /** Lists of no events handed over to be taken in: there must be none. */
    private final AtomicInteger emptyTakes = new AtomicInteger();
    private FxEventPump pump;

    @Start
    void start(Stage stage) {
        pump = new FxEventPump(bus, batch -> {
            if (batch.isEmpty()) {
                emptyTakes.incrementAndGet();
            }
            taken.addAll(batch);
        }, () -> {
            // a refresh with nothing new since the last one: a pulse the window lays out for nothing
            if (taken.size() == delivered.size()) {
                emptyBatches.incrementAndGet();
            }
            delivered.addAll(taken.subList(delivered.size(), taken.size()));
        });
        pump.start();
    }

    @AfterEach
    void close() {
        fx(() -> {
            pump.close();
            return null;
        });
    }

    private void publishNotice(String text) {
        bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, Actor.SERVER, text));
    }

    @Test
    void theTimerStopsWhenNothingIsLeftAndStartsAgainWithTheNextEvent() {
        await().atMost(PATIENCE).until(() -> !fx(pump::isPulsing));
        publishNotice("first");
        await().atMost(PATIENCE).until(() -> delivered.size() == 1);
        await().atMost(PATIENCE).until(() -> !fx(pump::isPulsing));
        int pulsesWhileIdle = emptyBatches.get();

        for (int i = 0; i < 500; i++) {
            publishNotice("burst " + i);
        }
        await().atMost(PATIENCE).until(() -> delivered.size() == 501);
        assertThat(delivered).extracting(e -> ((ServerEvent.Notice) e).text()).startsWith("first", "burst 0")
                .endsWith("burst 499");
        await().atMost(PATIENCE).until(() -> !fx(pump::isPulsing));
        // asleep, the pump hands the view no empty pulses (each would be a pulse JavaFX lays out for nothing)
        int settled = emptyBatches.get();
        assertThat(settled - pulsesWhileIdle).as("empty pulses during and after the burst").isLessThanOrEqualTo(1);
        assertThat(fx(pump::pending)).isZero();
        assertThat(emptyTakes).hasValue(0);
    }

    @Test
    void aPulseAskedForWithoutEventsIsDelivered() {
        await().atMost(PATIENCE).until(() -> !fx(pump::isPulsing));
        int before = emptyBatches.get();
        fx(() -> {
            pump.requestPulse();
            return null;
        });
        await().atMost(PATIENCE).until(() -> emptyBatches.get() == before + 1);
        await().atMost(PATIENCE).until(() -> !fx(pump::isPulsing));
    }
}
