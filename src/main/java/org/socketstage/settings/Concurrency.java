package org.socketstage.settings;

import java.util.Locale;
import java.util.Optional;

/** How the server serves more than one client. */
public enum Concurrency {
    /**
     * Serve one client to the end; the others wait in the accept queue. The classic first server, with the
     * classic backlog of 5: small enough that a few clients show the queue filling up.
     */
    ITERATIVE("iterative", 5),
    /**
     * accept() hands each client to its own thread and goes straight back to accept(). Its backlog holds a
     * class of 100 connecting at the same moment (the kernel caps it at net.core.somaxconn).
     */
    THREAD_PER_CLIENT("threaded", 128);

    private final String optionName;
    private final int defaultBacklog;

    Concurrency(String optionName, int defaultBacklog) {
        this.optionName = optionName;
        this.defaultBacklog = defaultBacklog;
    }

    /** The listen() backlog used unless someone chooses another. */
    public int defaultBacklog() {
        return defaultBacklog;
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
