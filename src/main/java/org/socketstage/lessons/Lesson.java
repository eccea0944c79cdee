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
        // asked whenever the server's stage changes, under a class's load at almost every call: an index loop, not
        // a stream or an iterator (the window's quick JIT allocates both)
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).stage() == stage) {
                return Optional.of(sections.get(i));
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
