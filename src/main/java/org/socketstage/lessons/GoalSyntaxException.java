package org.socketstage.lessons;

/** A goal line that does not follow the goal language; the message says what was wrong and what is accepted. */
public final class GoalSyntaxException extends Exception {

    public GoalSyntaxException(String message) {
        super(message);
    }
}
