package org.socketstage.tracer;

import java.util.ArrayList;
import java.util.List;

/**
 * The faults armed for one traced program: each counts the calls it names and fires once, at its nth. Safe
 * to arm from any thread while the program runs.
 */
public final class ProgramFaults {

    private static final class Armed {
        final Injection injection;
        int seen;
        boolean fired;

        Armed(Injection injection) {
            this.injection = injection;
        }
    }

    private final List<Armed> armed = new ArrayList<>();

    public ProgramFaults(List<Injection> injections) {
        injections.forEach(this::add);
    }

    public ProgramFaults() {
        this(List.of());
    }

    public synchronized void add(Injection injection) {
        armed.add(new Armed(injection));
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** Counts this call for every armed fault that names it; returns the one whose turn it is, if any. */
    synchronized Injection next(TracedCall call) {
        Injection due = null;
        for (Armed a : armed) {
            if (a.fired || !a.injection.names(call.name())) {
                continue;
            }
            if (a.injection.kind() == Injection.Kind.SHORT_SEND && !call.canShorten()) {
                continue;
            }
            a.seen++;
            if (a.seen == a.injection.nth() && due == null) {
                a.fired = true;
                due = a.injection;
            }
        }
        return due;
    }

    /** The faults that have fired so far. */
    public synchronized List<Injection> fired() {
        return armed.stream().filter(a -> a.fired).map(a -> a.injection).toList();
    }
}
