package org.socketstage.server;

import org.socketstage.settings.PacingMode;
import org.socketstage.event.Actor;
import org.socketstage.event.Step;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Paces the server threads: every call passes through {@link #pass} first. In STEP mode a call waits for
 * {@link #step()}; in RUN mode it waits the delay; in LIVE mode it goes at once. Independently, pause() holds
 * every call and a breakpoint holds calls of its stage until step() or resume(). cancel() releases everyone
 * with {@link Cancelled}, which is how stop() reaches a thread waiting here.
 */
public final class StepGate {

    /** Thrown from pass() once the gate is cancelled. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("server stopping", null, false, false);
        }
    }

    /** A call waiting at the gate. */
    public record HeldCall(Actor actor, Step stage, String call, String reason) {}

    /** Told when a call starts to be held; runs on the server thread, before it blocks. */
    @FunctionalInterface
    public interface HoldListener {
        void held(HeldCall call);
    }

    private static final class Waiter {
        final HeldCall call;
        final long resumeGeneration;
        boolean released;

        Waiter(HeldCall call, long resumeGeneration) {
            this.call = call;
            this.resumeGeneration = resumeGeneration;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private final Set<Step> breakpoints = EnumSet.noneOf(Step.class);
    private PacingMode mode;
    private long delayMillis;
    private boolean paused;
    private boolean cancelled;
    private long resumeGeneration;
    private volatile Runnable onPacingChange = () -> { };
    /** True while calls go through at once (live, or run without delay; not paused, not cancelled). */
    private volatile boolean flowing;
    private volatile Set<Step> breakpointsNow = Set.of();

    public StepGate(PacingMode mode, long delayMillis) {
        this.mode = mode;
        this.delayMillis = Math.max(0, delayMillis);
        refreshFastPath();
    }

    /**
     * Told after every change of mode, delay, pause or breakpoints (on the changing thread, outside the lock),
     * so the session can publish the new pacing for every pane to follow.
     */
    public void onPacingChange(Runnable listener) {
        onPacingChange = listener == null ? () -> { } : listener;
    }

    /**
     * Blocks the calling server thread as the pacing demands. Returns normally when the call may run.
     *
     * @throws Cancelled once the gate is cancelled
     */
    public void pass(Actor actor, Step stage, String call, HoldListener onHold) {
        // the common case (live, nothing held) takes no lock: every connection thread passes here per call
        if (passesFreely(stage)) {
            return;
        }
        lock.lock();
        try {
            checkCancelled();
            if (mode == PacingMode.RUN && delayMillis > 0 && !paused && !breakpoints.contains(stage)) {
                waitDelay();
            }
            String reason = holdReason(stage);
            if (reason == null) {
                return;
            }
            Waiter w = new Waiter(new HeldCall(actor, stage, call, reason), resumeGeneration);
            waiters.addLast(w);
            onHold.held(w.call);
            try {
                while (!w.released && stillHeld(w)) {
                    changed.awaitUninterruptibly();
                    checkCancelled();
                }
            } finally {
                waiters.remove(w);
            }
        } finally {
            lock.unlock();
        }
    }

    /** True when a call of this stage would go through at once right now (no lock taken to find out). */
    public boolean passesFreely(Step stage) {
        return flowing && !breakpointsNow.contains(stage);
    }

    private void waitDelay() {
        long start = System.nanoTime();
        while (true) {
            checkCancelled();
            long left = TimeUnit.MILLISECONDS.toNanos(delayMillis) - (System.nanoTime() - start);
            if (left <= 0 || mode != PacingMode.RUN || paused) {
                return;
            }
            try {
                changed.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String holdReason(Step stage) {
        if (paused) {
            return "paused";
        }
        if (mode == PacingMode.STEP) {
            return "step";
        }
        if (breakpoints.contains(stage)) {
            return "breakpoint";
        }
        return null;
    }

    private boolean stillHeld(Waiter w) {
        if (paused || mode == PacingMode.STEP) {
            return true;
        }
        return breakpoints.contains(w.call.stage()) && resumeGeneration == w.resumeGeneration;
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new Cancelled();
        }
    }

    /** Lets the oldest held call run. Returns false when no call was waiting. */
    public boolean step() {
        lock.lock();
        try {
            for (Waiter w : waiters) {
                if (!w.released) {
                    w.released = true;
                    changed.signalAll();
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    public void pause() {
        changePacing(() -> paused = true);
    }

    /** Leaves pause, and lets calls held at a breakpoint go on. In STEP mode calls still wait for step(). */
    public void resume() {
        changePacing(() -> {
            paused = false;
            resumeGeneration++;
        });
    }

    public void setMode(PacingMode newMode) {
        changePacing(() -> mode = newMode);
    }

    public void setDelayMillis(long millis) {
        changePacing(() -> delayMillis = Math.max(0, millis));
    }

    public void setBreakpoint(Step stage, boolean on) {
        changePacing(() -> {
            if (on) {
                breakpoints.add(stage);
            } else {
                breakpoints.remove(stage);
            }
        });
    }

    /**
     * Removes the breakpoint and lets the calls held there go on, in one step: a call released by removing the
     * breakpoint may pause the gate at once (a demonstration's hold at its fault), and a separate resume()
     * afterwards would undo that pause.
     */
    public void releaseBreakpoint(Step stage) {
        changePacing(() -> {
            breakpoints.remove(stage);
            paused = false;
            resumeGeneration++;
        });
    }

    public void setBreakpoints(Set<Step> stages) {
        changePacing(() -> {
            breakpoints.clear();
            breakpoints.addAll(stages);
        });
    }

    /** Releases every waiter with {@link Cancelled}; later pass() calls fail at once. */
    public void cancel() {
        update(() -> cancelled = true);
    }

    /** Makes a cancelled gate usable again for a new run, keeping mode, delay and breakpoints. */
    public void reset() {
        changePacing(() -> {
            cancelled = false;
            paused = false;
        });
    }

    private void changePacing(Runnable change) {
        update(change);
        onPacingChange.run();
    }

    private void update(Runnable change) {
        lock.lock();
        try {
            change.run();
            refreshFastPath();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void refreshFastPath() {
        breakpointsNow = breakpoints.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(breakpoints));
        flowing = !cancelled && !paused && (mode == PacingMode.LIVE || (mode == PacingMode.RUN && delayMillis == 0));
    }

    public PacingMode mode() {
        lock.lock();
        try {
            return mode;
        } finally {
            lock.unlock();
        }
    }

    public long delayMillis() {
        lock.lock();
        try {
            return delayMillis;
        } finally {
            lock.unlock();
        }
    }

    public boolean paused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    public Set<Step> breakpoints() {
        lock.lock();
        try {
            return breakpoints.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(breakpoints));
        } finally {
            lock.unlock();
        }
    }

    /** The calls held right now, oldest first. */
    public List<HeldCall> held() {
        lock.lock();
        try {
            return waiters.stream().filter(w -> !w.released).map(w -> w.call).toList();
        } finally {
            lock.unlock();
        }
    }
}
