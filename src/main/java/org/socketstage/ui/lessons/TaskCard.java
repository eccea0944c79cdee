package org.socketstage.ui.lessons;

import org.socketstage.ui.text.UiText;
import javafx.collections.SetChangeListener;
import javafx.collections.WeakSetChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.socketstage.lessons.TryItTask;

/**
 * A try-it task in the lesson: a box that ticks itself when the live events meet the goal, with the word
 * "Done" beside it (never colour alone), the instructions, and the instructor scenario that sets it up.
 */
final class TaskCard extends HBox {

    private final TryItTask task;
    private final TaskBoard board;
    private final UiText texts;
    private final Label box = new Label();
    private final Label status = new Label();
    private final SetChangeListener<String> onChange = c -> refresh();

    TaskCard(TryItTask task, TaskBoard board, MarkdownRenderer markdown, UiText texts) {
        this.task = task;
        this.board = board;
        this.texts = texts;
        getStyleClass().add("task-card");
        setUserData(task.id());
        box.getStyleClass().add("task-box");
        box.setMinWidth(USE_PREF_SIZE);
        Label kind = new Label(texts.get("lessons.task.kind"));
        kind.getStyleClass().add("task-kind");
        Label title = new Label(task.title());
        title.getStyleClass().add("task-title");
        title.setWrapText(true);
        status.getStyleClass().add("task-status");
        status.setWrapText(true);
        VBox body = new VBox(new HBox(kind, title), status, markdown.render(task.instructions()));
        body.getStyleClass().add("task-body");
        task.scenarioName().ifPresent(s -> {
            Label scenario = new Label(texts.format("lessons.task.scenario", s));
            scenario.getStyleClass().add("task-scenario");
            scenario.setWrapText(true);
            body.getChildren().add(scenario);
        });
        Label goals = new Label(texts.format("lessons.task.goals",
                String.join("  +  ", task.goals().stream().map(g -> g.text()).toList())));
        goals.getStyleClass().add("task-goals");
        goals.setWrapText(true);
        body.getChildren().add(goals);
        HBox.setHgrow(body, Priority.ALWAYS);
        getChildren().addAll(box, body);
        board.achieved().addListener(new WeakSetChangeListener<>(onChange));
        refresh();
    }

    boolean achieved() {
        return board.isAchieved(task.id());
    }

    private void refresh() {
        boolean done = achieved();
        box.setText(done ? "☑" : "☐");
        status.setText(texts.get(done ? "lessons.task.done" : "lessons.task.open"));
        getStyleClass().removeAll("task-done", "task-open");
        getStyleClass().add(done ? "task-done" : "task-open");
    }
}
