package org.socketstage.ui.lessons;

import java.util.List;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.socketstage.lessons.QuizChoice;
import org.socketstage.lessons.QuizKind;
import org.socketstage.lessons.QuizQuestion;

/**
 * The student's quiz answers. The first choice picked for a question is the one that scores; picking other
 * choices afterwards still shows their explanations, because reading why a wrong answer is wrong is half
 * the point. The choice picked last is remembered too: it is what the card shows when the student comes
 * back. A predict question's first pick is the prediction; it scores, and is shown as right or wrong, only
 * once the try-it task that settles it has been achieved.
 */
final class QuizBook {

    /** What the pane shows after a pick. */
    record Feedback(QuizChoice choice, boolean correct, boolean scored) {}

    /** {@code right} of {@code answered} first answers were right, out of {@code total} questions. */
    record Score(int right, int answered, int total) {}

    private final LessonProgress progress;
    private final ObservableMap<String, Integer> firstAnswers = FXCollections.observableHashMap();
    private final ObservableMap<String, Integer> lastPicks = FXCollections.observableHashMap();
    private final long choiceSeed;

    QuizBook(LessonProgress progress) {
        this.progress = progress;
        firstAnswers.putAll(progress.firstAnswers());
        lastPicks.putAll(progress.lastPicks());
        choiceSeed = progress.choiceSeed();
    }

    ObservableMap<String, Integer> firstAnswers() {
        return firstAnswers;
    }

    /** @param choice the file index of the picked choice (not its place on screen) */
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
        lastPicks.put(question.id(), choice);
        progress.picked(question.id(), choice);
        QuizChoice picked = question.choices().get(choice);
        return new Feedback(picked, picked.correct(), first);
    }

    /** The first answer given to this question, or -1; an index past the choices (the file changed) is -1. */
    int firstAnswer(QuizQuestion question) {
        return valid(question, firstAnswers.get(question.id()));
    }

    /** The choice picked most recently (the first answer for progress saved before this was kept), or -1. */
    int lastPick(QuizQuestion question) {
        int last = valid(question, lastPicks.get(question.id()));
        return last >= 0 ? last : firstAnswer(question);
    }

    private static int valid(QuizQuestion question, Integer i) {
        return i == null || i < 0 || i >= question.choices().size() ? -1 : i;
    }

    /** This student's order of the question's choices: element i is the file index shown in place i. */
    int[] order(QuizQuestion question) {
        return ChoiceOrder.of(choiceSeed, question);
    }

    /** Scores first answers; a prediction counts only once {@code revealed} says its task settled it. */
    Score score(List<QuizQuestion> questions, Predicate<QuizQuestion> revealed) {
        int answered = 0;
        int right = 0;
        for (QuizQuestion q : questions) {
            int a = firstAnswer(q);
            if (a >= 0 && (q.kind() != QuizKind.PREDICT || revealed.test(q))) {
                answered++;
                if (q.choices().get(a).correct()) {
                    right++;
                }
            }
        }
        return new Score(right, answered, questions.size());
    }

    Score score(List<QuizQuestion> questions) {
        return score(questions, q -> true);
    }

    void resetProgress() {
        firstAnswers.clear();
        lastPicks.clear();
    }
}
