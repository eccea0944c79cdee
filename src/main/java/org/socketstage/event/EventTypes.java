package org.socketstage.event;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A listener's filter by kind of event. The bus notes each event's kind next to it, so a listener that wants
 * only some kinds passes over the others without reading them: an event read on another core costs a trip of
 * its memory between the cores, and a busy server publishes four events per echo.
 */
public final class EventTypes implements Predicate<ServerEvent> {

    /** Every kind of event, in the order the sealed interface lists them; a kind is its index here. */
    private static final List<Class<?>> KINDS = List.of(ServerEvent.class.getPermittedSubclasses());
    private static final ClassValue<Integer> KIND = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            int i = KINDS.indexOf(type);
            if (i < 0) {
                throw new IllegalArgumentException("not a kind of ServerEvent: " + type.getName());
            }
            return i;
        }
    };
    /** A mask with every kind in it. */
    static final int ALL = (1 << KINDS.size()) - 1;

    static {
        if (KINDS.size() > 31) {
            throw new IllegalStateException("more kinds of event than a mask holds: " + KINDS.size());
        }
    }

    private final int mask;

    private EventTypes(int mask) {
        this.mask = mask;
    }

    @SafeVarargs
    public static EventTypes only(Class<? extends ServerEvent>... types) {
        return new EventTypes(maskOf(types));
    }

    @SafeVarargs
    public static EventTypes allBut(Class<? extends ServerEvent>... types) {
        return new EventTypes(ALL & ~maskOf(types));
    }

    private static int maskOf(Class<?>[] types) {
        return Arrays.stream(types).mapToInt(t -> 1 << KIND.get(t)).reduce(0, (a, b) -> a | b);
    }

    /** The event's kind: its index among {@link ServerEvent}'s permitted records. */
    static int kindOf(ServerEvent event) {
        return kindOf(event.getClass());
    }

    static int kindOf(Class<?> type) {
        return KIND.get(type);
    }

    int mask() {
        return mask;
    }

    boolean wants(int kind) {
        return (mask & (1 << kind)) != 0;
    }

    @Override
    public boolean test(ServerEvent event) {
        return wants(kindOf(event));
    }
}
