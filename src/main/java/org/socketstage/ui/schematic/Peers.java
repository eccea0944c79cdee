package org.socketstage.ui.schematic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The stage's clients, found by id and kept in the order they appeared. The per-event lookups walk them by
 * index ({@link #size()}, {@link #at(int)}), so a class's flood makes no iterator for each event (the window's
 * quick JIT would allocate one).
 */
final class Peers {

    private final Map<Long, Peer> byId = new HashMap<>();
    private final List<Peer> inOrder = new ArrayList<>();
    private final List<Peer> view = Collections.unmodifiableList(inOrder);

    Peer get(long id) {
        return byId.get(id);
    }

    /** A new client, last in order; its id must be new (the model numbers them). */
    void add(Peer p) {
        if (byId.putIfAbsent(p.id, p) != null) {
            throw new IllegalArgumentException("a client with id " + p.id + " is already on the stage");
        }
        inOrder.add(p);
    }

    void remove(Peer p) {
        if (byId.remove(p.id, p)) {
            inOrder.remove(p);
        }
    }

    void removeIf(Predicate<Peer> which) {
        if (inOrder.removeIf(which)) {
            byId.values().removeIf(which);
        }
    }

    void clear() {
        byId.clear();
        inOrder.clear();
    }

    int size() {
        return inOrder.size();
    }

    /** The {@code i}th client in the order they appeared. */
    Peer at(int i) {
        return inOrder.get(i);
    }

    /** Every client, in the order they appeared (a read-only view). */
    List<Peer> values() {
        return view;
    }
}
