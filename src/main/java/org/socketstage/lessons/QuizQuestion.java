package org.socketstage.lessons;

import java.util.List;
import java.util.Optional;

/**
 * A multiple-choice question with exactly one right answer. {@code prompt} is Markdown (the heading text,
 * plus any code or text written between the heading and the choices). For a {@link QuizKind#PREDICT}
 * question {@code revealTask} is the id of the try-it task whose achievement reveals the answer.
 */
public record QuizQuestion(String id, String prompt, List<QuizChoice> choices, int line, QuizKind kind,
        String revealTask) {

    public QuizQuestion {
        choices = List.copyOf(choices);
        if (kind == null) {
            kind = QuizKind.RECALL;
        }
        if ((kind == QuizKind.PREDICT) != (revealTask != null)) {
            throw new IllegalArgumentException("question " + id + ": a predict question, and only one, names the "
                    + "task that reveals its answer");
        }
    }

    /** A recall question. */
    public QuizQuestion(String id, String prompt, List<QuizChoice> choices, int line) {
        this(id, prompt, choices, line, QuizKind.RECALL, null);
    }

    public int correctIndex() {
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).correct()) {
                return i;
            }
        }
        throw new IllegalStateException("question " + id + " has no right answer");
    }

    /** The try-it task that reveals a predict question's answer. */
    public Optional<String> revealTaskId() {
        return Optional.ofNullable(revealTask);
    }
}
