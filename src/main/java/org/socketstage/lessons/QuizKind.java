package org.socketstage.lessons;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a quiz question asks of the student, named by the {@code kind:} line under its heading. A recall
 * question asks for a fact; spot-the-bug shows a C fragment and asks what is wrong with it; predict asks the
 * student to commit to an outcome before running a try-it task, and keeps the answer back until that task's
 * goal has really been met.
 */
public enum QuizKind {
    RECALL("recall"),
    SPOT_THE_BUG("spot-the-bug"),
    PREDICT("predict");

    private final String word;

    QuizKind(String word) {
        this.word = word;
    }

    /** The word written after {@code kind:}. */
    public String word() {
        return word;
    }

    public static Optional<QuizKind> fromWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }

    /** {@code recall, spot-the-bug or predict}, for messages. */
    static String accepted() {
        String all = Arrays.stream(values()).map(QuizKind::word).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
