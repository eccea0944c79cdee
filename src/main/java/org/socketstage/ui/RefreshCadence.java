package org.socketstage.ui;

/**
 * How often the views take in new events. While events come slowly (step and run mode, a student typing into
 * {@code nc}) every frame delivers what arrived, so each call shows at once. Under a class's load (hundreds of
 * events a second) the views are brought up to date ten times a second instead of sixty: nobody reads counters
 * that change sixty times a second, and each delivery costs a layout and a CSS pass of the whole window, which
 * on a small machine took the frames the stage's animations need. Frames in between only draw. Views that fell
 * behind keep the same cadence and catch up in bigger batches ({@link FxEventPump#nextLimit}): catching up
 * every frame cost a layout per frame, which is what made them fall behind.
 *
 * <p>A refresh also waits in proportion to what the last one cost. When fifty students connect in the same
 * second, one refresh (new cards and rows: their CSS, layout and text measuring, on code the JIT has not yet
 * compiled) took 200 to 600 ms of the FX thread, so refreshing every 100 ms left no frame for anything else
 * and the window stuttered for three seconds. Waiting {@link #SPACING_PER_COST} times the cost keeps at least
 * two frames in three for drawing while the views catch up in bigger batches.
 */
final class RefreshCadence {

    /** Above this rate the views are refreshed at {@link #BUSY_INTERVAL_NANOS}. */
    static final double BUSY_EVENTS_PER_SECOND = 200;
    static final long BUSY_INTERVAL_NANOS = 100_000_000L;
    /** After a refresh whose work took t, the next comes no sooner than this many times t after it. */
    static final int SPACING_PER_COST = 3;
    /** However costly, the views are refreshed at least once a second while events come. */
    static final long MAX_SPACING_NANOS = 1_000_000_000L;

    private long lastDelivery = Long.MIN_VALUE;
    /** When the last refresh began, kept across a quiet spell: its cost is measured after the pump may have slept. */
    private long lastStart = Long.MIN_VALUE;
    private long notBefore = Long.MIN_VALUE;
    /** No refresh before this, after a costly one; kept across a quiet spell, which may be shorter. */
    private long spacedUntil = Long.MIN_VALUE;
    private boolean busy;

    /** True when a pulse at {@code now} (nanoseconds, the pulse's clock) should deliver waiting events. */
    boolean due(long now) {
        return now >= notBefore && now >= spacedUntil;
    }

    /** Records a delivery of {@code events} at {@code now}; a high rate since the last one spaces the next. */
    void delivered(long now, int events) {
        boolean busy = lastDelivery != Long.MIN_VALUE && now > lastDelivery
                && events * 1e9 / (now - lastDelivery) > BUSY_EVENTS_PER_SECOND;
        lastDelivery = now;
        lastStart = now;
        this.busy = busy;
        notBefore = busy ? now + BUSY_INTERVAL_NANOS : Long.MIN_VALUE;
    }

    /**
     * The last refresh's work on the FX thread (applying its events, then the CSS and layout they caused) took
     * {@code nanos}: the next one waits until {@link #SPACING_PER_COST} times that has passed since it began
     * (at most {@link #MAX_SPACING_NANOS}).
     */
    void tookToShow(long nanos) {
        if (lastStart != Long.MIN_VALUE && nanos > 0) {
            spacedUntil = lastStart + Math.min(MAX_SPACING_NANOS, SPACING_PER_COST * nanos);
        }
    }

    /**
     * A quiet spell ended (the pump slept): the next events show at once, or once the last refresh's cost has
     * been waited out (a pump that emptied its inbox in one costly refresh sleeps until the next event).
     */
    void reset() {
        lastDelivery = Long.MIN_VALUE;
        notBefore = Long.MIN_VALUE;
        busy = false;
    }

    boolean busy() {
        return busy;
    }
}
