package org.socketstage.settings;

import java.util.Locale;
import java.util.Optional;

/** How the server serves more than one client. */
public enum Concurrency {
    /** Serve one client to the end; the others wait in the accept queue. The classic first server. */
    ITERATIVE("iterative"),
    /** accept() hands each client to its own thread and goes straight back to accept(). */
    THREAD_PER_CLIENT("threaded");

    private final String optionName;

    Concurrency(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }

    public static Optional<Concurrency> fromOption(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Concurrency c : values()) {
            if (c.optionName.equals(t) || c.name().toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
