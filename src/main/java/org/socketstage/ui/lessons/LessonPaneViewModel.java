package org.socketstage.ui.lessons;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketstage.lessons.Lesson;
import org.socketstage.lessons.LessonLibrary;
import org.socketstage.lessons.LessonProblem;
import org.socketstage.lessons.LessonSection;
import org.socketstage.lessons.QuizQuestion;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.lessons.LessonPlaceholders;
import org.socketstage.settings.ServerConfig;
import org.socketstage.ui.EventSink;

/**
 * The lesson pane's state: which lesson is open, where the server is, whether the pane follows it, and the
 * student's tasks, quiz answers, flashcards and glossary search. Fed engine events on the FX thread by the
 * main window. Following means: when the server is about to run a stage, the open lesson's section for it
 * is the one to show, and if the open lesson has none, the first lesson that has one opens. A lesson the
 * student chooses turns following off, so the server never takes them away from it; they turn it on again.
 */
public final class LessonPaneViewModel implements EventSink {

    private final LessonProgress progress;
    private final ReadOnlyObjectWrapper<LessonLibrary> library = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Lesson> lessons = FXCollections.observableArrayList();
    private final ObservableList<LessonProblem> problems = FXCollections.observableArrayList();
    private final ObjectProperty<Lesson> selectedLesson = new SimpleObjectProperty<>();
    private final ObjectProperty<ServerConfig> settings = new SimpleObjectProperty<>(ServerConfig.defaults());
    private final BooleanProperty followServer = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<Step> serverStage = new ReadOnlyObjectWrapper<>();
    private final ObjectBinding<LessonSection> serverSection;
    private TaskBoard tasks;
    private QuizBook quiz;
    private FlashcardDeck flashcards;
    private GlossarySearch glossary;
    /** True while the pane itself opens a lesson (following the server, loading): that is not a choice. */
    private boolean choosingItself;

    public LessonPaneViewModel(LessonLibrary library, LessonProgress progress) {
        this.progress = progress;
        this.serverSection = Bindings.createObjectBinding(() -> {
            Lesson l = selectedLesson.get();
            Step s = serverStage.get();
            return l == null || s == null ? null : l.sectionFor(s).orElse(null);
        }, selectedLesson, serverStage);
        selectedLesson.addListener((obs, old, l) -> {
            if (l != null) {
                progress.lastLesson(l.id());
            }
            if (!choosingItself) {
                followServer.set(false);
            }
        });
        followServer.addListener((obs, old, on) -> {
            if (on && serverStage.get() != null) {
                follow(serverStage.get());
            }
        });
        load(library);
    }

    /** Replaces the content (e.g. after an instructor folder was added); saved progress carries over. */
    public void load(LessonLibrary newLibrary) {
        choosingItself = true;
        try {
            replace(newLibrary);
        } finally {
            choosingItself = false;
        }
    }

    private void replace(LessonLibrary newLibrary) {
        tasks = new TaskBoard(newLibrary.tasks(), progress);
        quiz = new QuizBook(progress);
        flashcards = new FlashcardDeck(newLibrary.flashcards());
        glossary = new GlossarySearch(newLibrary.glossary());
        problems.setAll(newLibrary.problems());
        String wanted = selectedLesson.get() != null ? selectedLesson.get().id() : progress.lastLesson().orElse(null);
        lessons.setAll(newLibrary.lessons());
        Lesson open = wanted == null ? null : newLibrary.lesson(wanted).orElse(null);
        selectedLesson.set(open != null ? open : lessons.isEmpty() ? null : lessons.get(0));
        library.set(newLibrary);
    }

    @Override
    public void apply(ServerEvent event) {
        if (event instanceof ServerEvent.SettingsChanged c) {
            settings.set(c.config());
            return;
        }
        tasks.feed(event);
        if (event instanceof ServerEvent.CallStarted c && c.stage() != null
                && c.actor().kind() != Actor.Kind.CLIENT && c.actor().kind() != Actor.Kind.KERNEL) {
            Step before = serverStage.get();
            serverStage.set(c.stage());
            if (followServer.get() && c.stage() != before) {
                follow(c.stage());
            }
        }
    }

    /** The scrubber shows an earlier moment: the stage is derived again from the replay; achievements stay. */
    @Override
    public void reset() {
        serverStage.set(null);
    }

    private void follow(Step stage) {
        Lesson open = selectedLesson.get();
        if (open != null && open.sectionFor(stage).isPresent()) {
            return;
        }
        for (Lesson l : lessons) {
            if (l.sectionFor(stage).isPresent()) {
                choosingItself = true;
                try {
                    selectedLesson.set(l);
                } finally {
                    choosingItself = false;
                }
                return;
            }
        }
    }

    /** Opens the first lesson, as a first launch does; not the student's choice, so following stays as it was. */
    public void openFirstLesson() {
        if (lessons.isEmpty()) {
            return;
        }
        choosingItself = true;
        try {
            selectedLesson.set(lessons.get(0));
        } finally {
            choosingItself = false;
        }
    }

    /** Forgets achieved tasks, quiz answers and the last lesson, here and in the saved preferences. */
    public void resetProgress() {
        progress.reset();
        tasks.resetProgress();
        quiz.resetProgress();
        Lesson open = selectedLesson.get();
        if (open != null) {
            progress.lastLesson(open.id());
        }
    }

    public QuizBook.Feedback answer(QuizQuestion question, int choice) {
        return quiz.answer(question, choice);
    }

    public ReadOnlyObjectProperty<LessonLibrary> libraryProperty() {
        return library.getReadOnlyProperty();
    }

    public ObservableList<Lesson> lessons() {
        return lessons;
    }

    public ObservableList<LessonProblem> problems() {
        return problems;
    }

    public ObjectProperty<Lesson> selectedLessonProperty() {
        return selectedLesson;
    }

    public BooleanProperty followServerProperty() {
        return followServer;
    }

    /** The stage the server is about to run (or runs), or null before the first call. */
    /** The session's settings, which the lesson text names through its placeholders ({@code {{port}}} …). */
    public ReadOnlyObjectProperty<ServerConfig> settingsProperty() {
        return settings;
    }

    /** Lesson text with the session's values filled in. */
    public String fill(String markdown) {
        return LessonPlaceholders.fill(markdown, settings.get());
    }

    public ReadOnlyObjectProperty<Step> serverStageProperty() {
        return serverStage.getReadOnlyProperty();
    }

    /** The open lesson's section for the server's stage, or null when it has none. */
    public ObjectBinding<LessonSection> serverSection() {
        return serverSection;
    }

    TaskBoard tasks() {
        return tasks;
    }

    QuizBook quiz() {
        return quiz;
    }

    FlashcardDeck flashcards() {
        return flashcards;
    }

    GlossarySearch glossary() {
        return glossary;
    }

    /** {@code done} of a lesson's {@code total} try-it tasks are achieved. */
    record TaskTally(int done, int total) {}

    TaskTally taskProgress(Lesson lesson) {
        List<String> ids = lesson.tasks().stream().map(t -> t.id()).toList();
        return new TaskTally((int) ids.stream().filter(tasks::isAchieved).count(), ids.size());
    }

    QuizBook.Score quizScore(Lesson lesson) {
        return quiz.score(lesson.questions(), this::revealed);
    }

    /** A predict question is settled once its try-it task is achieved; every other kind at once. */
    boolean revealed(QuizQuestion question) {
        return question.revealTaskId().map(tasks::isAchieved).orElse(true);
    }
}
