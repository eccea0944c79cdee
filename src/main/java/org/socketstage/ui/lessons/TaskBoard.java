package org.socketstage.ui.lessons;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.socketstage.lessons.TaskTracker;
import org.socketstage.lessons.TryItTask;
import org.socketstage.event.ServerEvent;

/**
 * Which try-it tasks are achieved: those saved from earlier sessions plus those the live events complete now.
 * Fed on the FX thread by the pane's ViewModel, so the tracker's listener runs there too. The app has one
 * event bus whose numbers only grow, so an event numbered at or below the last one tracked has been seen:
 * the history scrubber's replays are skipped, and a replay can neither count a call twice (e.g. "two
 * accepts") nor take an achievement away.
 */
final class TaskBoard {

    private final TaskTracker tracker;
    private final LessonProgress progress;
    private final ObservableSet<String> achieved = FXCollections.observableSet();
    private long lastTracked = Long.MIN_VALUE;

    TaskBoard(List<TryItTask> tasks, LessonProgress progress) {
        this.tracker = new TaskTracker(tasks);
        this.progress = progress;
        achieved.addAll(progress.achievedTasks());
        tracker.addListener((task, by) -> {
            if (achieved.add(task.id())) {
                progress.taskAchieved(task.id());
            }
        });
    }

    /** Ids of achieved tasks; may hold ids of tasks no longer shipped, which nobody asks about. */
    ObservableSet<String> achieved() {
        return achieved;
    }

    boolean isAchieved(String taskId) {
        return achieved.contains(taskId);
    }

    void feed(ServerEvent event) {
        if (event.seq() <= lastTracked) {
            return;
        }
        lastTracked = event.seq();
        tracker.accept(event);
    }

    /** Forgets every achievement, saved or not, so each task can be done again. */
    void resetProgress() {
        tracker.reset();
        achieved.clear();
    }
}
