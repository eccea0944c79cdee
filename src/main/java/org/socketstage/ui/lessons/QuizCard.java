package org.socketstage.ui.lessons;

import org.socketstage.ui.text.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.socketstage.lessons.QuizChoice;
import org.socketstage.lessons.QuizQuestion;

/**
 * One quiz question: its choices as buttons, and after a pick the explanation of the picked choice marked
 * right or wrong in words and a sign (✔/✘), not by colour alone. The first pick is the one that scores; the
 * student may then try the others to read why they are right or wrong.
 */
final class QuizCard extends VBox {

    private final QuizQuestion question;
    private final UiText texts;
    private final List<Button> choices = new ArrayList<>();
    private final Label feedback = new Label();

    /** @param onAnswer picks a choice; returns what to show */
    QuizCard(QuizQuestion question, int savedAnswer, MarkdownRenderer markdown, UiText texts,
            BiFunction<QuizQuestion, Integer, QuizBook.Feedback> onAnswer,
            Consumer<QuizQuestion> afterAnswer) {
        this.question = question;
        this.texts = texts;
        getStyleClass().add("quiz-card");
        setUserData(question.id());
        Label kind = new Label(texts.get("lessons.quiz.kind"));
        kind.getStyleClass().add("quiz-kind");
        getChildren().addAll(kind, markdown.render(question.prompt()));
        for (int i = 0; i < question.choices().size(); i++) {
            QuizChoice c = question.choices().get(i);
            Button b = new Button(letter(i) + "   " + c.text().replace("`", ""));
            b.getStyleClass().add("quiz-choice");
            b.setWrapText(true);
            b.setMaxWidth(Double.MAX_VALUE);
            int index = i;
            b.setOnAction(e -> {
                show(index, onAnswer.apply(question, index));
                afterAnswer.accept(question);
            });
            choices.add(b);
            getChildren().add(b);
        }
        feedback.getStyleClass().add("quiz-feedback");
        feedback.setWrapText(true);
        feedback.setVisible(false);
        feedback.setManaged(false);
        getChildren().add(feedback);
        if (savedAnswer >= 0) {
            QuizChoice c = question.choices().get(savedAnswer);
            show(savedAnswer, new QuizBook.Feedback(c, c.correct(), false));
        }
    }

    List<Button> choiceButtons() {
        return choices;
    }

    Label feedback() {
        return feedback;
    }

    private void show(int index, QuizBook.Feedback f) {
        for (int i = 0; i < choices.size(); i++) {
            Button b = choices.get(i);
            b.getStyleClass().removeAll("quiz-right", "quiz-wrong");
            String text = letter(i) + "   " + question.choices().get(i).text().replace("`", "");
            if (i == index) {
                b.getStyleClass().add(f.correct() ? "quiz-right" : "quiz-wrong");
                text = (f.correct() ? "✔ " : "✘ ") + text;
            }
            b.setText(text);
        }
        feedback.setText((f.correct() ? "✔ " + texts.get("lessons.quiz.right") : "✘ " + texts.get("lessons.quiz.wrong"))
                + " " + f.choice().explanation());
        feedback.getStyleClass().removeAll("quiz-right", "quiz-wrong");
        feedback.getStyleClass().add(f.correct() ? "quiz-right" : "quiz-wrong");
        feedback.setVisible(true);
        feedback.setManaged(true);
    }

    private static String letter(int i) {
        return (char) ('A' + i) + ".";
    }
}
