package org.socketstage.lessons;

import java.util.Locale;
import java.util.Optional;

/** What a content file holds, named by its {@code kind:} header line. */
public enum ContentKind {
    LESSON,
    GLOSSARY,
    FLASHCARDS;

    public String headerValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContentKind> fromHeader(String value) {
        for (ContentKind k : values()) {
            if (k.headerValue().equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
