package org.socketstage.session;

import java.util.function.Supplier;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;
import org.socketstage.server.KernelView;

/**
 * Keeps the kernel's view of a port after the server has closed it, so connections show TIME_WAIT and then
 * vanish as the kernel really drops them, instead of staying frozen as they were at the last call.
 * Stops when the next run starts (that run watches the port itself) or when the session closes.
 */
final class AfterStopWatch {

    private final EventBus bus;
    private final Supplier<KernelView> kernelViews;
    private KernelView view;

    AfterStopWatch(EventBus bus, Supplier<KernelView> kernelViews) {
        this.bus = bus;
        this.kernelViews = kernelViews;
    }

    synchronized void watch(int port) {
        stop();
        if (port <= 0) {
            return;
        }
        view = kernelViews.get();
        view.start(port, 0, snapshot -> bus.publish((seq, time) ->
                new ServerEvent.KernelChanged(seq, time, Actor.KERNEL, snapshot)));
    }

    synchronized void stop() {
        if (view != null) {
            view.stop();
            view = null;
        }
    }
}
