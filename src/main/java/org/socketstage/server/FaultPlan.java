package org.socketstage.server;

import org.socketstage.event.Step;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.socketstage.socket.Errno;

/**
 * Faults an instructor arms on purpose. Only for conditions the operating system cannot safely produce:
 * a call failed here never reaches the kernel, and its event is marked simulated.
 */
public final class FaultPlan {

    private final Map<Step, Errno> nextFailure = new EnumMap<>(Step.class);
    private boolean uncheckedSocket;
    /** Read without the lock on every send. */
    private volatile boolean sendWithoutWaiting;
    /** Read without the lock on every call: most calls have nothing armed. */
    private volatile boolean anyArmed;
    private volatile boolean holdAtFault;

    /** The next call of this stage fails with this errno, once. */
    public synchronized void failNext(Step stage, Errno errno) {
        nextFailure.put(stage, errno);
        anyArmed = true;
    }

    public synchronized void clear(Step stage) {
        nextFailure.remove(stage);
        anyArmed = !nextFailure.isEmpty();
    }

    public synchronized void clearAll() {
        nextFailure.clear();
        anyArmed = false;
        uncheckedSocket = false;
        sendWithoutWaiting = false;
        holdAtFault = false;
    }

    /**
     * The next server call that fails (simulated or for real) holds the server right after it returns, paused,
     * so the failed call stays on screen while the instructor explains it; Run or Step goes on. Once.
     */
    public void holdAtNextFault() {
        holdAtFault = true;
    }

    /** True once after {@link #holdAtNextFault()}: the caller holds the server now. */
    public boolean takeHoldAtFault() {
        if (!holdAtFault) {
            return false;
        }
        synchronized (this) {
            boolean armed = holdAtFault;
            holdAtFault = false;
            return armed;
        }
    }

    public boolean holdsAtNextFault() {
        return holdAtFault;
    }

    public synchronized Optional<Errno> armed(Step stage) {
        return Optional.ofNullable(nextFailure.get(stage));
    }

    /** Takes the armed failure for this stage, if any, so it fires once. */
    public Optional<Errno> take(Step stage) {
        if (!anyArmed) {
            return Optional.empty();
        }
        synchronized (this) {
            Optional<Errno> armed = Optional.ofNullable(nextFailure.remove(stage));
            anyArmed = !nextFailure.isEmpty();
            return armed;
        }
    }

    /**
     * The program "forgot" to check socket()'s result: when socket() fails, the server goes on with fd -1
     * instead of stopping, as a C program without the check would.
     */
    public synchronized void setUncheckedSocket(boolean on) {
        uncheckedSocket = on;
    }

    public synchronized boolean uncheckedSocket() {
        return uncheckedSocket;
    }

    /**
     * For the partial-send demonstration: the server sends as a non-blocking server does, with MSG_DONTWAIT,
     * so the kernel returns at once with what fitted (a short send, for real) and the loop waits in poll() for
     * room before sending the rest. Nothing is simulated: every call and result is the kernel's.
     */
    public void setSendWithoutWaiting(boolean on) {
        sendWithoutWaiting = on;
    }

    public boolean sendsWithoutWaiting() {
        return sendWithoutWaiting;
    }
}
