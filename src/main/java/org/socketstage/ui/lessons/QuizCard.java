package org.socketstage.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.collections.SetChangeListener;
import javafx.collections.WeakSetChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.socketstage.lessons.QuizChoice;
import org.socketstage.lessons.QuizKind;
import org.socketstage.lessons.QuizQuestion;
import org.socketstage.ui.text.UiText;

/**
 * One quiz question: its choices as buttons, in this student's own order, and after a pick the explanation
 * of the picked choice marked right or wrong in words and a sign (✔/✘), not by colour alone. The first pick
 * is the one that scores; the student may then try the others to read why they are right or wrong, and
 * coming back shows the last pick. A predict question locks the first pick in as a prediction and shows
 * whether it was right only when the try-it task that settles it ticks.
 */
final class QuizCard extends VBox {

    /** What the card needs from the pane besides the question. */
    record Context(QuizBook book, TaskBoard tasks, String revealTaskTitle, MarkdownRenderer markdown, UiText texts,
            BiFunction<QuizQuestion, Integer, QuizBook.Feedback> onAnswer, Consumer<QuizQuestion> afterAnswer) {}

    private final QuizQuestion question;
    private final Context cx;
    private final int[] order;
    private final List<Button> buttons = new ArrayList<>();
    private final Label feedback = new Label();
    private final Label scoredNote = new Label();
    private final SetChangeListener<String> onTaskChange = c -> revealIfSettled();
    private int shown = -1;

    QuizCard(QuizQuestion question, Context cx) {
        this.question = question;
        this.cx = cx;
        this.order = cx.book().order(question);
        UiText texts = cx.texts();
        getStyleClass().addAll("quiz-card", "quiz-" + question.kind().word());
        setUserData(question.id());
        Label kind = new Label(texts.get(question.kind() == QuizKind.RECALL ? "lessons.quiz.kind"
                : "lessons.quiz.kind." + question.kind().word()));
        kind.getStyleClass().add("quiz-kind");
        getChildren().addAll(kind, cx.markdown().render(question.prompt()));
        if (question.kind() == QuizKind.PREDICT) {
            Label hint = new Label(texts.format("lessons.quiz.predict.hint", cx.revealTaskTitle()));
            hint.getStyleClass().add("quiz-predict-hint");
            hint.setWrapText(true);
            getChildren().add(hint);
        }
        for (int place = 0; place < order.length; place++) {
            int index = order[place];
            Button b = new Button(label(place, ""));
            b.setMnemonicParsing(false); // SO_REUSEADDR must keep its underscore
            b.getStyleClass().add("quiz-choice");
            b.setWrapText(true);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setUserData(index);
            b.setOnAction(e -> pick(index));
            buttons.add(b);
            getChildren().add(b);
        }
        for (Label l : List.of(feedback, scoredNote)) {
            l.setWrapText(true);
            l.setVisible(false);
            l.setManaged(false);
        }
        feedback.getStyleClass().add("quiz-feedback");
        scoredNote.getStyleClass().add("quiz-scored-note");
        getChildren().addAll(feedback, scoredNote);
        if (question.kind() == QuizKind.PREDICT) {
            cx.tasks().achieved().addListener(new WeakSetChangeListener<>(onTaskChange));
        }
        int saved = cx.book().lastPick(question);
        if (saved >= 0) {
            QuizChoice c = question.choices().get(saved);
            show(saved, new QuizBook.Feedback(c, c.correct(), false));
        }
    }

    /** The buttons in the order shown. */
    List<Button> choiceButtons() {
        return buttons;
    }

    /** The button of the choice that is {@code fileIndex} in the lesson file. */
    Button buttonFor(int fileIndex) {
        return buttons.stream().filter(b -> (Integer) b.getUserData() == fileIndex).findFirst().orElseThrow();
    }

    Label feedback() {
        return feedback;
    }

    Label scoredNote() {
        return scoredNote;
    }

    /** True while a prediction waits for its task. */
    boolean locked() {
        return question.kind() == QuizKind.PREDICT && cx.book().firstAnswer(question) >= 0 && !settled();
    }

    private boolean settled() {
        return question.revealTaskId().map(id -> cx.tasks().isAchieved(id)).orElse(true);
    }

    private void pick(int index) {
        show(index, cx.onAnswer().apply(question, index));
        cx.afterAnswer().accept(question);
    }

    private void revealIfSettled() {
        if (shown >= 0 && settled()) {
            QuizChoice c = question.choices().get(shown);
            show(shown, new QuizBook.Feedback(c, c.correct(), false));
        }
    }

    private void show(int index, QuizBook.Feedback f) {
        shown = index;
        UiText texts = cx.texts();
        boolean hidden = locked();
        for (int place = 0; place < buttons.size(); place++) {
            Button b = buttons.get(place);
            int file = order[place];
            b.getStyleClass().removeAll("quiz-right", "quiz-wrong", "quiz-predicted");
            b.setDisable(hidden);
            String sign = "";
            if (file == index) {
                b.getStyleClass().add(hidden ? "quiz-predicted" : f.correct() ? "quiz-right" : "quiz-wrong");
                sign = hidden ? "◆ " : f.correct() ? "✔ " : "✘ ";
            }
            b.setText(label(place, sign));
        }
        feedback.getStyleClass().removeAll("quiz-right", "quiz-wrong", "quiz-predicted");
        if (hidden) {
            feedback.setText("◆ " + texts.format("lessons.quiz.predict.locked", letter(placeOf(index)),
                    cx.revealTaskTitle()));
            feedback.getStyleClass().add("quiz-predicted");
        } else {
            feedback.setText((f.correct() ? "✔ " + texts.get("lessons.quiz.right") : "✘ " + texts.get("lessons.quiz.wrong"))
                    + " " + f.choice().explanation());
            feedback.getStyleClass().add(f.correct() ? "quiz-right" : "quiz-wrong");
        }
        setShown(feedback, true);
        int first = cx.book().firstAnswer(question);
        boolean note = !hidden && first >= 0 && first != index;
        if (note) {
            scoredNote.setText(texts.format("lessons.quiz.scored", letter(placeOf(first)),
                    texts.get(question.choices().get(first).correct() ? "lessons.quiz.scored.right"
                            : "lessons.quiz.scored.wrong")));
        }
        setShown(scoredNote, note);
    }

    private int placeOf(int fileIndex) {
        for (int place = 0; place < order.length; place++) {
            if (order[place] == fileIndex) {
                return place;
            }
        }
        throw new IllegalArgumentException("no choice " + fileIndex);
    }

    private String label(int place, String sign) {
        return sign + letter(place) + "   " + question.choices().get(order[place]).text().replace("`", "");
    }

    private static String letter(int place) {
        return (char) ('A' + place) + ".";
    }

    private static void setShown(Label l, boolean shown) {
        l.setVisible(shown);
        l.setManaged(shown);
    }
}
