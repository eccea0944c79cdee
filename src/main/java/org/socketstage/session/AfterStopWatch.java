package org.socketstage.session;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.server.KernelView;

/**
 * Keeps the kernel's view of a port after the server has closed it, so connections show TIME_WAIT and then
 * vanish as the kernel really drops them, instead of staying frozen as they were at the last call.
 * Stops when the kernel holds nothing more for the port, when the next run starts (that run watches the port
 * itself) or when the session closes.
 */
final class AfterStopWatch {

    private final EventBus bus;
    private final Supplier<KernelView> kernelViews;
    private final AtomicReference<KernelView> view = new AtomicReference<>();

    AfterStopWatch(EventBus bus, Supplier<KernelView> kernelViews) {
        this.bus = bus;
        this.kernelViews = kernelViews;
    }

    void watch(int port) {
        stop();
        if (port <= 0) {
            return;
        }
        KernelView watching = kernelViews.get();
        if (!view.compareAndSet(null, watching)) {
            return; // another watch started meanwhile
        }
        watching.start(port, 0, snapshot -> {
            bus.publish((seq, time) -> new ServerEvent.KernelChanged(seq, time, Actor.KERNEL, snapshot));
            if (snapshot.rows().isEmpty() || !snapshot.available()) {
                // the kernel holds nothing more for this port (TIME_WAIT has ended): nothing left to watch
                if (view.compareAndSet(watching, null)) {
                    watching.stop();
                }
            }
        });
    }

    void nudge() {
        KernelView watching = view.get();
        if (watching != null) {
            watching.nudge();
        }
    }

    void stop() {
        KernelView was = view.getAndSet(null);
        if (was != null) {
            was.stop();
        }
    }
}
