package org.socketstage.lessons;

import java.util.List;

/**
 * A multiple-choice question with exactly one right answer. {@code prompt} is Markdown (the heading text,
 * plus any code or text written between the heading and the choices).
 */
public record QuizQuestion(String id, String prompt, List<QuizChoice> choices, int line) {

    public QuizQuestion {
        choices = List.copyOf(choices);
    }

    public int correctIndex() {
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).correct()) {
                return i;
            }
        }
        throw new IllegalStateException("question " + id + " has no right answer");
    }
}
