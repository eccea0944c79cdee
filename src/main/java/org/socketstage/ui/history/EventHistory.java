package org.socketstage.ui.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;

/**
 * The events the view can go back to: the newest {@code capacity} events, oldest dropped first.
 *
 * <p>Replaying only the kept events would lose the listener's setup once its calls have been dropped, and the
 * lane would show socket() … listen() as never run. So when a setup call of the server (socket to listen, and
 * the server's state changes) falls out of the window it is pinned, together with the last dropped kernel
 * snapshot; a replay starts from those. The events that create and end the client panel's cards are pinned
 * the same way. What was dropped besides them (e.g. the data of old connections) is
 * gone, and the view says so with {@link #droppedCount()}.
 */
public final class EventHistory {

    static final int MAX_PINNED = 256;

    private final ServerEvent[] ring;
    private int head;
    private int size;
    private long droppedCount;
    private final List<ServerEvent> pinned = new ArrayList<>();
    private ServerEvent.KernelChanged pinnedKernel;

    public EventHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("history capacity must be at least 1, was " + capacity);
        }
        this.ring = new ServerEvent[capacity];
    }

    public void add(ServerEvent event) {
        if (size == ring.length) {
            drop(ring[head]);
            ring[head] = event;
            head = (head + 1) % ring.length;
        } else {
            ring[(head + size) % ring.length] = event;
            size++;
        }
    }

    private void drop(ServerEvent e) {
        droppedCount++;
        if (e instanceof ServerEvent.StateChanged s && s.state() == ServerState.RUNNING) {
            pinned.removeIf(p -> !isClientBirth(p));
            pinnedKernel = null;
        } else if (e instanceof ServerEvent.CallStarted c && c.stage() == Step.SOCKET && isServer(e)) {
            pinned.removeIf(p -> !(p instanceof ServerEvent.StateChanged) && !isClientBirth(p));
            pinnedKernel = null;
        }
        if (e instanceof ServerEvent.KernelChanged k) {
            pinnedKernel = k;
        } else if (isSetup(e) || isClientBirth(e)) {
            if (pinned.size() >= MAX_PINNED) {
                // the oldest client's pins give way first; the server's setup must stay replayable
                pinned.stream().filter(EventHistory::isClientBirth).findFirst().ifPresent(pinned::remove);
            }
            if (pinned.size() < MAX_PINNED) {
                pinned.add(e);
            }
        }
    }

    private static boolean isServer(ServerEvent e) {
        return e.actor() != null && e.actor().kind() == Actor.Kind.SERVER;
    }

    /**
     * A client card is born from its socket() result and told about its end by notices (removed, peer closed):
     * a replay without them would lose the cards of clients whose first calls were dropped.
     */
    private static boolean isClientBirth(ServerEvent e) {
        if (e.actor() == null || e.actor().kind() != Actor.Kind.CLIENT) {
            return false;
        }
        return e instanceof ServerEvent.Notice
                || e instanceof ServerEvent.CallReturned r && "socket".equals(r.call());
    }

    private static boolean isSetup(ServerEvent e) {
        if (!isServer(e)) {
            return false;
        }
        if (e instanceof ServerEvent.StateChanged) {
            return true;
        }
        Step stage = stageOf(e);
        return stage != null && stage.ordinal() <= Step.LISTEN.ordinal();
    }

    /** The stage a call event is about, or null for other events. */
    public static Step stageOf(ServerEvent e) {
        if (e instanceof ServerEvent.CallStarted c) {
            return c.stage();
        }
        if (e instanceof ServerEvent.CallHeld h) {
            return h.stage();
        }
        if (e instanceof ServerEvent.CallReturned r) {
            return r.stage();
        }
        return null;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The kept event at this index, 0 being the oldest kept. */
    public ServerEvent get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("history index " + index + " outside 0.." + (size - 1));
        }
        return ring[(head + index) % ring.length];
    }

    /** Events that fell out of the window since the start. */
    public long droppedCount() {
        return droppedCount;
    }

    /** Setup events kept after their moment was dropped, so a replay still knows the listener. */
    public int pinnedCount() {
        return pinned.size() + (pinnedKernel == null ? 0 : 1);
    }

    /** Index of the newest kept event with seq at most {@code seq}, or -1. */
    public int indexOf(long seq) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (get(mid).seq() <= seq) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** What to replay to show the moment just after the kept event at {@code index}: pinned events first. */
    public List<ServerEvent> replayTo(int index) {
        List<ServerEvent> out = new ArrayList<>(pinned.size() + index + 2);
        out.addAll(pinned);
        if (pinnedKernel != null) {
            out.add(pinnedKernel);
            out.sort(Comparator.comparingLong(ServerEvent::seq));
        }
        for (int i = 0; i <= Math.min(index, size - 1); i++) {
            out.add(get(i));
        }
        return out;
    }

    public void clear() {
        java.util.Arrays.fill(ring, null);
        head = 0;
        size = 0;
        droppedCount = 0;
        pinned.clear();
        pinnedKernel = null;
    }
}
