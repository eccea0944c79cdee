package org.socketstage.ui.lessons;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.socketstage.lessons.QuizQuestion;

/**
 * The order in which one student sees a question's choices. The files list the choices in the author's
 * order; the pane shuffles them with a seed made from the student's own number and the question's id, so
 * the same student always sees the same order for a question, and neighbours in a class see different ones.
 * java.util.Random is used because its sequence is fixed by its specification: the order survives updates.
 */
final class ChoiceOrder {

    private ChoiceOrder() {}

    /** Element {@code i} is the file index of the choice shown in place {@code i}. */
    static int[] of(long studentSeed, QuizQuestion question) {
        int n = question.choices().size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(studentSeed ^ fnv1a(question.id()));
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** A 64-bit hash whose value is fixed for a given text (String.hashCode has only 32 bits). */
    static long fnv1a(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
