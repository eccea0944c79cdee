package org.socketstage.lessons;

import java.util.List;
import java.util.Optional;
import org.socketstage.event.Step;

/**
 * A lesson as read from one file. {@code intro} is the Markdown before the first section; {@code source}
 * is where it came from (a file name, or {@code classpath:lessons/...}).
 */
public record Lesson(
        String id, String title, int order, Level level, String intro, List<LessonSection> sections, String source) {

    public enum Level { BEGINNER, INTERMEDIATE, ADVANCED }

    public Lesson {
        sections = List.copyOf(sections);
    }

    /** The first section tied to this stage: what a pane shows when the server is about to run it. */
    public Optional<LessonSection> sectionFor(Step stage) {
        // asked for each call the server makes: a loop, not a stream
        for (LessonSection s : sections) {
            if (s.stage() == stage) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public List<TryItTask> tasks() {
        return sections.stream().flatMap(s -> s.tasks().stream()).toList();
    }

    public List<QuizQuestion> questions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }
}
