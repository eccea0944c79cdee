package org.socketstage.lessons;

import java.util.List;

/**
 * What one content file gave: a lesson, glossary terms or flashcards, depending on {@code kind}, and the
 * problems found. A file with any problem is not used at all (see {@link LessonLoader}).
 */
public record LessonFile(
        String name,
        ContentKind kind,
        String id,
        Lesson lesson,
        List<GlossaryTerm> terms,
        List<Flashcard> cards,
        List<LessonProblem> problems) {

    public LessonFile {
        terms = List.copyOf(terms);
        cards = List.copyOf(cards);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
