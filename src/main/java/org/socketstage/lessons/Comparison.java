package org.socketstage.lessons;

import java.util.Optional;

/** The comparisons a goal may use between a live number and the number the author wrote. */
public enum Comparison {
    EQ("=="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(long actual, long wanted) {
        return switch (this) {
            case EQ -> actual == wanted;
            case NE -> actual != wanted;
            case LT -> actual < wanted;
            case LE -> actual <= wanted;
            case GT -> actual > wanted;
            case GE -> actual >= wanted;
        };
    }

    /** Accepts the symbols above, and {@code =} for {@code ==}. */
    public static Optional<Comparison> fromSymbol(String text) {
        if ("=".equals(text)) {
            return Optional.of(EQ);
        }
        for (Comparison c : values()) {
            if (c.symbol.equals(text)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
