package org.socketstage.lessons;

import java.util.List;
import java.util.Optional;

/**
 * A "Try it" task: something the student makes the real server do. It is achieved once every goal has been
 * met by the live events ({@link TaskTracker}). {@code scenario} names the instructor preset that sets the
 * task up, when there is one. {@code instructions} is Markdown.
 */
public record TryItTask(String id, String title, List<Goal> goals, String scenario, String instructions, int line) {

    public TryItTask {
        goals = List.copyOf(goals);
    }

    public Optional<String> scenarioName() {
        return Optional.ofNullable(scenario);
    }
}
