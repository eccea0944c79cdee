package org.socketstage.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.socketstage.lessons.LessonLoader;
import org.socketstage.lessons.QuizQuestion;

/** The order a student sees the choices in: a true shuffle, the same every time for one student. */
class ChoiceOrderTest {

    private final List<QuizQuestion> shipped = LessonLoader.loadBuiltIn().questions();

    @Test
    void everyOrderShowsEachChoiceExactlyOnce() {
        for (QuizQuestion q : shipped) {
            int[] order = ChoiceOrder.of(42, q);
            assertThat(order).as(q.id()).containsExactlyInAnyOrder(IntStream.range(0, q.choices().size()).toArray());
        }
    }

    @Test
    void theSameStudentAlwaysGetsTheSameOrder() {
        for (QuizQuestion q : shipped) {
            assertThat(ChoiceOrder.of(-7_123_456_789L, q)).as(q.id()).containsExactly(ChoiceOrder.of(-7_123_456_789L, q));
        }
    }

    @Test
    void theOrderIsFixedByItsSpecificationNotByThisRun() {
        QuizQuestion q = shipped.stream().filter(x -> x.choices().size() == 4).findFirst().orElseThrow();
        // java.util.Random and FNV-1a are fully specified: this student sees this order on every JVM
        int[] order = ChoiceOrder.of(1234, q);
        assertThat(ChoiceOrder.of(1234, q)).containsExactly(order);
        assertThat(ChoiceOrder.fnv1a("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(ChoiceOrder.fnv1a("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    }

    @Test
    void differentStudentsSeeDifferentOrders() {
        long differ = shipped.stream().filter(q -> !Arrays.equals(ChoiceOrder.of(1, q), ChoiceOrder.of(2, q))).count();
        assertThat(differ).as("questions ordered differently for two students").isGreaterThan(shipped.size() / 2);
    }

    @Test
    void oneStudentFindsTheRightAnswerInEveryPlaceWithoutAFavourite() {
        int[] byPlace = new int[4];
        for (QuizQuestion q : shipped) {
            int[] order = ChoiceOrder.of(99, q);
            for (int place = 0; place < order.length; place++) {
                if (order[place] == q.correctIndex()) {
                    byPlace[place]++;
                }
            }
        }
        Set<Integer> used = new HashSet<>();
        for (int place = 0; place < 4; place++) {
            if (byPlace[place] > 0) {
                used.add(place);
            }
            assertThat(byPlace[place] * 100 / shipped.size()).as("place %s", (char) ('A' + place)).isLessThanOrEqualTo(50);
        }
        assertThat(used).contains(0, 1, 2);
    }
}
