package org.socketstage.instructor;

/**
 * How a set-up, follow-up or undo ended. {@code shown} is true when the class could see what the fault
 * is about (e.g. bind() really failed with EADDRINUSE); {@code summary} says what happened in one or two
 * sentences, naming every simulated result as such.
 */
public record Outcome(boolean shown, String summary) {

    public static Outcome shown(String summary) {
        return new Outcome(true, summary);
    }

    public static Outcome notShown(String summary) {
        return new Outcome(false, summary);
    }
}
