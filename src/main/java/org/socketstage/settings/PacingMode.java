package org.socketstage.settings;

import java.util.Locale;
import java.util.Optional;

/** How fast the server thread moves from one system call to the next. */
public enum PacingMode {
    /** Stop before every call until step(). */
    STEP,
    /** Wait a set delay before every call. */
    RUN,
    /** No delay at all. */
    LIVE;

    public static Optional<PacingMode> fromOption(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (PacingMode m : values()) {
            if (m.name().equals(t)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
