package org.socketstage.ui.lessons;

import org.socketstage.event.TestEvents;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.event.Step;
import org.socketstage.lessons.Lesson;
import org.socketstage.lessons.QuizKind;
import org.socketstage.lessons.QuizQuestion;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Quiz cards in the real pane: each student's own order of the choices, explanations that follow the choice
 * whatever its place, the last pick shown again on return (the defect of issue 12), and a prediction that
 * stays a prediction until its try-it task is met.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class QuizCardUiTest {

    private static final TestEvents EVENTS = new TestEvents();

    private PaneHarness pane;

    @Start
    void start(Stage stage) throws IOException {
        pane = PaneHarness.show(stage, 560, 790);
    }

    private LessonPaneViewModel vm() {
        return pane.view.lessonViewModel();
    }

    private void open(FxRobot robot, String lessonId) {
        robot.interact(() -> vm().selectedLessonProperty().set(vm().lessons().stream()
                .filter(l -> l.id().equals(lessonId)).findFirst().orElseThrow()));
    }

    private QuizCard card(FxRobot robot, QuizQuestion q) {
        QuizCard card = (QuizCard) robot.lookup(".quiz-card").match(n -> q.id().equals(n.getUserData())).query();
        robot.interact(() -> pane.view.reader().reveal(card));
        return card;
    }

    private static String textOf(Button b) {
        return b.getText().replaceFirst("^[✔✘◆] ", "");
    }

    /** What the buttons read, in the order shown: letter and choice text. */
    private static void assertShownInOrder(QuizCard card, QuizQuestion q, int[] order) {
        List<Button> buttons = card.choiceButtons();
        assertThat(buttons).hasSize(order.length);
        for (int place = 0; place < order.length; place++) {
            assertThat(textOf(buttons.get(place))).as(q.id() + " place " + place)
                    .isEqualTo((char) ('A' + place) + ".   " + q.choices().get(order[place]).text().replace("`", ""));
        }
    }

    @Test
    void choicesAppearInTheStudentsOwnOrderAndAnotherStudentSeesAnother(FxRobot robot) {
        Lesson lifecycle = vm().selectedLessonProperty().get();
        long seed = LessonProgress.forUser().choiceSeed();
        for (QuizQuestion q : lifecycle.questions()) {
            assertShownInOrder(card(robot, q), q, ChoiceOrder.of(seed, q));
        }

        // the same student, after the pane is built again: the same order
        robot.interact(() -> vm().load(vm().libraryProperty().get()));
        for (QuizQuestion q : lifecycle.questions()) {
            assertShownInOrder(card(robot, q), q, ChoiceOrder.of(seed, q));
        }

        // another student (another seed in the store): another order for most questions
        long other = seed + 1;
        robot.interact(() -> {
            LessonProgress.forUser().node().put(LessonProgress.CHOICE_SEED, Long.toString(other));
            vm().load(vm().libraryProperty().get());
        });
        long differ = 0;
        for (QuizQuestion q : lifecycle.questions()) {
            assertShownInOrder(card(robot, q), q, ChoiceOrder.of(other, q));
            differ += java.util.Arrays.equals(ChoiceOrder.of(seed, q), ChoiceOrder.of(other, q)) ? 0 : 1;
        }
        assertThat(differ).isPositive();
    }

    @Test
    void theExplanationFollowsThePickedChoiceWhereverItIsShown(FxRobot robot) {
        Lesson lifecycle = vm().selectedLessonProperty().get();
        QuizQuestion q = lifecycle.questions().stream().filter(x -> x.choices().size() == 4).findFirst().orElseThrow();
        QuizCard card = card(robot, q);
        for (int place = 0; place < card.choiceButtons().size(); place++) {
            Button b = card.choiceButtons().get(place);
            int fileIndex = (Integer) b.getUserData();
            robot.clickOn(b);
            assertThat(card.feedback().getText()).as("place " + place)
                    .endsWith(q.choices().get(fileIndex).explanation())
                    .startsWith(q.choices().get(fileIndex).correct() ? "✔ Right." : "✘ Not quite.");
        }
        assertThat(vm().quiz().firstAnswer(q)).as("saved by its index in the file")
                .isEqualTo((Integer) card.choiceButtons().get(0).getUserData());
    }

    /** Issue 12: after the right answer, going back showed the first (wrong) answer's state. */
    @Test
    void comingBackShowsTheLastPickWhileTheFirstStillScores(FxRobot robot) {
        Lesson lifecycle = vm().selectedLessonProperty().get();
        QuizQuestion q = lifecycle.questions().get(0);
        int wrong = (q.correctIndex() + 1) % q.choices().size();
        QuizCard card = card(robot, q);
        robot.clickOn(card.buttonFor(wrong));
        robot.clickOn(card.buttonFor(q.correctIndex()));

        open(robot, "address");
        open(robot, "lifecycle");

        QuizCard again = card(robot, q);
        assertThat(again).isNotSameAs(card);
        assertThat(again.buttonFor(q.correctIndex()).getText()).startsWith("✔");
        assertThat(again.buttonFor(q.correctIndex()).getStyleClass()).contains("quiz-right");
        assertThat(again.buttonFor(wrong).getText()).doesNotStartWith("✘");
        assertThat(again.buttonFor(wrong).getStyleClass()).doesNotContain("quiz-wrong");
        assertThat(again.feedback().getText()).startsWith("✔ Right.").endsWith(q.choices().get(q.correctIndex()).explanation());
        assertThat(again.scoredNote().isVisible()).isTrue();
        assertThat(again.scoredNote().getText()).contains("first answer").contains("wrong");
        assertThat(PaneHarness.lookup(pane.scene.getRoot(), "#lesson-progress", Label.class).getText())
                .contains("Quiz: 0 right of 1 answered");
    }

    @Test
    void aPredictionIsLockedInAndRevealedWhenItsTaskIsReallyDone(FxRobot robot) {
        open(robot, "backlog");
        Lesson backlog = vm().selectedLessonProperty().get();
        QuizQuestion q = backlog.questions().stream()
                .filter(x -> x.kind() == QuizKind.PREDICT && x.revealTaskId().orElseThrow().equals("backlog/knock-before-the-door-is-open"))
                .findFirst().orElseThrow();
        QuizCard card = card(robot, q);
        int wrong = (q.correctIndex() + 1) % q.choices().size();
        assertThat(card.getStyleClass()).contains("quiz-predict");
        assertThat(robot.from(card).lookup(".quiz-kind").queryAs(Label.class).getText()).isEqualTo("Predict");

        robot.clickOn(card.buttonFor(wrong));
        assertThat(card.locked()).isTrue();
        assertThat(card.feedback().getText()).startsWith("◆ Your prediction is").contains("Knock before the door is open")
                .doesNotContain(q.choices().get(wrong).explanation());
        assertThat(card.buttonFor(wrong).getText()).startsWith("◆");
        Button synSent = card.choiceButtons().stream().filter(b -> b.getText().contains("SYN_SENT")).findFirst().orElseThrow();
        assertThat(synSent.isMnemonicParsing()).as("an underscore is text, not a keyboard shortcut").isFalse();
        assertThat(card.choiceButtons()).allMatch(Button::isDisabled);
        assertThat(PaneHarness.lookup(pane.scene.getRoot(), "#lesson-progress", Label.class).getText())
                .as("a prediction does not count before it is revealed").contains("Quiz: 0 right of 0 answered");

        // the real event the task waits for: a client's connect() refused while nothing listens
        robot.interact(() -> vm().apply(EVENTS.clientFailed("connect", Step.ACCEPT, "ECONNREFUSED")));

        assertThat(card.locked()).isFalse();
        assertThat(card.feedback().getText()).startsWith("✘ Not quite.").endsWith(q.choices().get(wrong).explanation());
        assertThat(card.buttonFor(wrong).getText()).startsWith("✘");
        assertThat(card.choiceButtons()).noneMatch(Button::isDisabled);
        assertThat(PaneHarness.lookup(pane.scene.getRoot(), "#lesson-progress", Label.class).getText())
                .contains("Quiz: 0 right of 1 answered");
        robot.clickOn(card.buttonFor(q.correctIndex()));
        assertThat(card.feedback().getText()).startsWith("✔ Right.");
        robot.interact(() -> pane.snapshot("lesson-pane-predict"));
    }

    @Test
    void aSpotTheBugQuestionSaysSoAndShowsItsCode(FxRobot robot) {
        Lesson lifecycle = vm().selectedLessonProperty().get();
        QuizQuestion q = lifecycle.questions().stream().filter(x -> x.kind() == QuizKind.SPOT_THE_BUG)
                .findFirst().orElseThrow();
        QuizCard card = card(robot, q);
        assertThat(robot.from(card).lookup(".quiz-kind").queryAs(Label.class).getText()).isEqualTo("Spot the bug");
        assertThat(robot.from(card).lookup(".md-code-block").tryQuery()).isPresent();
        robot.interact(() -> pane.snapshot("lesson-pane-spot-the-bug"));
    }
}
