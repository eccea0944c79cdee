package org.socketstage.ui;

/**
 * How often the views take in new events. While events come slowly (step and run mode, a student typing into
 * {@code nc}) every frame delivers what arrived, so each call shows at once. Under a class's load (hundreds of
 * events a second) the views are brought up to date ten times a second instead of sixty: nobody reads counters
 * that change sixty times a second, and each delivery costs a layout and a CSS pass of the whole window, which
 * on a small machine took the frames the stage's animations need. Frames in between only draw. Views that fell
 * behind keep the same cadence and catch up in bigger batches ({@link FxEventPump#nextLimit}): catching up
 * every frame cost a layout per frame, which is what made them fall behind.
 */
final class RefreshCadence {

    /** Above this rate the views are refreshed at {@link #BUSY_INTERVAL_NANOS}. */
    static final double BUSY_EVENTS_PER_SECOND = 200;
    static final long BUSY_INTERVAL_NANOS = 100_000_000L;

    private long lastDelivery = Long.MIN_VALUE;
    private long notBefore = Long.MIN_VALUE;

    /** True when a pulse at {@code now} (nanoseconds, the pulse's clock) should deliver waiting events. */
    boolean due(long now) {
        return now >= notBefore;
    }

    /** Records a delivery of {@code events} at {@code now}; a high rate since the last one spaces the next. */
    void delivered(long now, int events) {
        boolean busy = lastDelivery != Long.MIN_VALUE && now > lastDelivery
                && events * 1e9 / (now - lastDelivery) > BUSY_EVENTS_PER_SECOND;
        lastDelivery = now;
        notBefore = busy ? now + BUSY_INTERVAL_NANOS : Long.MIN_VALUE;
    }

    /** A quiet spell ended (the pump slept): the next events show at once. */
    void reset() {
        lastDelivery = Long.MIN_VALUE;
        notBefore = Long.MIN_VALUE;
    }

    boolean busy() {
        return notBefore != Long.MIN_VALUE;
    }
}
