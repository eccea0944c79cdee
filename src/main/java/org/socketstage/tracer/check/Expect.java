package org.socketstage.tracer.check;

import java.util.Locale;
import java.util.Optional;

/** What the program under check is expected to do with a client's line. */
public enum Expect {
    /** Send the line back: the checks compare what the client receives. */
    ECHO,
    /** Some other protocol: the checks only look at the program's calls (did it read, did it send again). */
    NONE;

    public static Optional<Expect> fromOption(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Expect e : values()) {
            if (e.name().equals(t)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }
}
