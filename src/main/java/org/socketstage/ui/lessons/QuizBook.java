package org.socketstage.ui.lessons;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.socketstage.lessons.QuizChoice;
import org.socketstage.lessons.QuizQuestion;

/**
 * The student's quiz answers. The first choice picked for a question is the one that scores; picking other
 * choices afterwards still shows their explanations, because reading why a wrong answer is wrong is half
 * the point.
 */
final class QuizBook {

    /** What the pane shows after a pick. */
    record Feedback(QuizChoice choice, boolean correct, boolean scored) {}

    /** {@code right} of {@code answered} first answers were right, out of {@code total} questions. */
    record Score(int right, int answered, int total) {}

    private final LessonProgress progress;
    private final ObservableMap<String, Integer> firstAnswers = FXCollections.observableHashMap();

    QuizBook(LessonProgress progress) {
        this.progress = progress;
        firstAnswers.putAll(progress.firstAnswers());
    }

    ObservableMap<String, Integer> firstAnswers() {
        return firstAnswers;
    }

    Feedback answer(QuizQuestion question, int choice) {
        if (choice < 0 || choice >= question.choices().size()) {
            throw new IllegalArgumentException("question " + question.id() + " has " + question.choices().size()
                    + " choices; got choice " + choice);
        }
        boolean first = !firstAnswers.containsKey(question.id());
        if (first) {
            firstAnswers.put(question.id(), choice);
            progress.answered(question.id(), choice);
        }
        QuizChoice picked = question.choices().get(choice);
        return new Feedback(picked, picked.correct(), first);
    }

    /** The first answer given to this question, or -1; an index past the choices (the file changed) is -1. */
    int firstAnswer(QuizQuestion question) {
        Integer i = firstAnswers.get(question.id());
        return i == null || i < 0 || i >= question.choices().size() ? -1 : i;
    }

    Score score(List<QuizQuestion> questions) {
        int answered = 0;
        int right = 0;
        for (QuizQuestion q : questions) {
            int a = firstAnswer(q);
            if (a >= 0) {
                answered++;
                if (q.choices().get(a).correct()) {
                    right++;
                }
            }
        }
        return new Score(right, answered, questions.size());
    }

    void resetProgress() {
        firstAnswers.clear();
    }
}
