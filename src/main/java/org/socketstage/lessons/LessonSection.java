package org.socketstage.lessons;

import java.util.List;
import java.util.Optional;
import org.socketstage.event.Step;

/**
 * One {@code ##} part of a lesson. When it names a stage, a lesson pane shows it as the server reaches that
 * stage. {@code body} is Markdown and never contains the tasks or questions, which are kept apart.
 */
public record LessonSection(
        String title, Step stage, String body, List<TryItTask> tasks, List<QuizQuestion> questions, int line) {

    public LessonSection {
        tasks = List.copyOf(tasks);
        questions = List.copyOf(questions);
    }

    public Optional<Step> stageTag() {
        return Optional.ofNullable(stage);
    }
}
