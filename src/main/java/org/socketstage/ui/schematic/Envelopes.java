package org.socketstage.ui.schematic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The envelopes in flight and the last one that landed on each row. Times are nanoseconds of the clock the
 * ViewModel is given (the pulse clock in the app, a hand-moved one in tests). A call's legs fly one after the
 * other within the call's budget; a row never queues more than one budget ahead, so no animation outlives the
 * next call by long. In live mode a packet of a kind already flying on its row is counted into that envelope.
 */
final class Envelopes {

    private final List<Envelope> flying = new ArrayList<>();
    private final Map<Long, Envelope> resting = new LinkedHashMap<>();
    private long nextId = 1;

    void clear() {
        flying.clear();
        resting.clear();
    }

    /**
     * Sends one call's legs along a row.
     *
     * @param budget nanoseconds the whole call's animation may take; 0 lands everything at once
     * @param live   aggregate instead of queueing behind a packet of the same kind
     */
    void send(long now, long budget, boolean live, long rowId, long peerId, List<Envelope.Leg> legs, CallRef cause) {
        if (legs.isEmpty()) {
            return;
        }
        if (budget <= 0) {
            landRow(rowId, now);
            for (Envelope.Leg leg : legs) {
                resting.put(rowId, new Envelope(nextId++, rowId, peerId, leg, cause, now, 0));
            }
            return;
        }
        long legNanos = Math.max(1, budget / legs.size());
        long start = -1;
        for (int i = 0; i < legs.size(); i++) { // for each echo the stage shows: no iterator made
            Envelope.Leg leg = legs.get(i);
            if (live && aggregateInto(rowId, leg, now)) {
                continue;
            }
            if (start < 0) {
                start = Math.max(now, busyUntil(rowId));
                if (start > now + budget) {
                    landRow(rowId, now); // never more than one call's budget behind
                    start = now;
                }
            }
            flying.add(new Envelope(nextId++, rowId, peerId, leg, cause, start, legNanos));
            start += legNanos;
        }
    }

    /** In live mode, a flying or waiting envelope of the same kind on the row takes this packet too. */
    private boolean aggregateInto(long rowId, Envelope.Leg leg, long now) {
        for (Envelope e : flying) {
            if (e.sameRoute(rowId, leg) && e.end() > now) {
                e.count++;
                e.bytes += leg.bytes();
                return true;
            }
        }
        return false;
    }

    private long busyUntil(long rowId) {
        long until = 0;
        for (Envelope e : flying) {
            if (e.rowId == rowId) {
                until = Math.max(until, e.end());
            }
        }
        return until;
    }

    private void landRow(long rowId, long now) {
        Iterator<Envelope> it = flying.iterator();
        while (it.hasNext()) {
            Envelope e = it.next();
            if (e.rowId == rowId) {
                e.duration = Math.max(0, now - e.launch);
                resting.put(rowId, e);
                it.remove();
            }
        }
    }

    /** Moves landed envelopes to rest; true while some are still flying or waiting to start. */
    boolean settle(long now) {
        Iterator<Envelope> it = flying.iterator();
        while (it.hasNext()) {
            Envelope e = it.next();
            if (e.end() <= now) {
                resting.put(e.rowId, e);
                it.remove();
            }
        }
        return !flying.isEmpty();
    }

    /** Lands everything now: a rebuilt picture shows where things ended, not how they got there. */
    void landAll(long now) {
        for (Envelope e : flying) {
            e.duration = Math.max(0, Math.min(e.duration, now - e.launch));
            resting.put(e.rowId, e);
        }
        flying.clear();
    }

    boolean flyingOn(long rowId) {
        for (Envelope e : flying) {
            if (e.rowId == rowId) {
                return true;
            }
        }
        return false;
    }

    void forgetRow(long rowId) {
        flying.removeIf(e -> e.rowId == rowId);
        resting.remove(rowId);
    }

    /** Keeps only the rows still drawn; rows merged into the group keep their flights under its id. */
    void keepRows(java.util.Set<Long> rows) {
        flying.removeIf(e -> !rows.contains(e.rowId));
        resting.keySet().removeIf(r -> !rows.contains(r));
    }

    List<Envelope> flying() {
        return flying;
    }

    Collection<Envelope> resting() {
        return resting.values();
    }

    Envelope find(long id) {
        for (Envelope e : flying) {
            if (e.id == id) {
                return e;
            }
        }
        for (Envelope e : resting.values()) {
            if (e.id == id) {
                return e;
            }
        }
        return null;
    }
}
