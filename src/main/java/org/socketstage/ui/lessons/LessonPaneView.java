package org.socketstage.ui.lessons;

import org.socketstage.ui.text.UiText;
import java.nio.file.Path;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.HostServices;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.socketstage.lessons.Lesson;
import org.socketstage.lessons.LessonLibrary;
import org.socketstage.lessons.LessonLoader;
import org.socketstage.lessons.LessonProblem;
import org.socketstage.lessons.LessonSection;
import org.socketstage.event.Step;
import org.socketstage.ui.EventSink;
import org.socketstage.ui.PaneController;
import org.socketstage.ui.support.OncePerPulse;

/**
 * The lesson pane beside the visualiser (fxml/lessons/LessonPaneView.fxml). Binds the ViewModel to the
 * chooser, the reader, flashcards and glossary; asks before resetting progress or opening a link.
 * The built-in lessons load at once, plus the folder named by the system property
 * {@value #LESSONS_DIR_PROPERTY} or given later with {@link #setExtraLessonsDir}.
 */
public final class LessonPaneView implements PaneController {

    public static final String LESSONS_DIR_PROPERTY = "socketstage.lessons.dir";
    /**
     * Where the server is (the marker, the line above the tabs, the scroll while following) changes at most
     * this often: a busy live server moves between recv() and send() thousands of times a second, faster than
     * anyone reads, and redrawing the marker every frame cost 15% of each frame under load. While it goes round
     * the loop through the marked section the marker holds still ({@link LoopWatch}).
     */
    private static final Duration FOLLOW_PAUSE = Duration.millis(700);
    /** A folder of broken files lists the first problems; a label each for thousands would stall the window. */
    static final int PROBLEMS_SHOWN = 50;

    @FXML private ResourceBundle resources;
    @FXML private VBox root;
    @FXML private ComboBox<Lesson> lessonChooser;
    @FXML private CheckBox follow;
    @FXML private Label serverAt;
    @FXML private TitledPane problemsPane;
    @FXML private ScrollPane problemScroll;
    @FXML private VBox problemList;
    @FXML private ScrollPane reader;
    @FXML private Label progressLabel;
    @FXML private FlashcardsView flashcardsController;
    @FXML private GlossaryView glossaryController;

    private final UiText texts;
    private final LessonPaneViewModel vm;
    private LessonReader lessonReader;
    private MarkdownRenderer markdown;
    private final PauseTransition followPause = new PauseTransition(FOLLOW_PAUSE);
    private boolean positionPending;
    /** The pause just ended: the next frame decides whether the marker follows or holds (a loop). */
    private boolean pauseEnded;
    private final LoopWatch<LessonSection> loop = new LoopWatch<>();
    /** Where the server is, looked at once per frame after it changed (made in initialize). */
    private OncePerPulse serverMoved;
    private Step shownStage;

    public LessonPaneView(LessonPaneViewModel vm, UiText texts) {
        this.vm = vm;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        markdown = new MarkdownRenderer(new LinkOpener(this::confirmLink));
        markdown.setFill(vm::fill);
        lessonReader = new LessonReader(reader, markdown, texts);
        // the text names the port and address in use: a settings change redraws the lesson being read
        vm.settingsProperty().addListener((o, a, b) -> showLesson());

        lessonChooser.setItems(vm.lessons());
        lessonChooser.setCellFactory(list -> new LessonCell());
        lessonChooser.setButtonCell(new LessonCell());
        lessonChooser.valueProperty().bindBidirectional(vm.selectedLessonProperty());
        follow.selectedProperty().bindBidirectional(vm.followServerProperty());

        vm.selectedLessonProperty().addListener((o, a, l) -> showLesson());
        // a live server with many clients changes stage thousands of times a second: redraw once per frame
        serverMoved = new OncePerPulse(root, this::serverMoved);
        vm.serverStageProperty().addListener(o -> serverMoved.request());
        vm.followServerProperty().addListener((o, a, on) -> {
            if (on) {
                scrollNow();
            }
        });
        vm.libraryProperty().addListener((o, a, lib) -> showLibrary());
        problemList.heightProperty().addListener(o -> fitProblems());
        followPause.setOnFinished(e -> pauseOver());
        showLibrary();
    }

    /** The built-in lessons, plus the instructor's own folder ({@code --lessons DIR}, or the system property). */
    public static LessonLibrary loadLibrary(Path extra) {
        Path dir = extra;
        if (dir == null && System.getProperty(LESSONS_DIR_PROPERTY) != null) {
            dir = Path.of(System.getProperty(LESSONS_DIR_PROPERTY));
        }
        return dir == null ? LessonLoader.loadBuiltIn() : LessonLoader.loadBuiltInAnd(dir);
    }

    /** The instructor's own folder ({@code --lessons DIR}): reloads the lessons with it added. */
    public void setExtraLessonsDir(Path dir) {
        vm.load(loadLibrary(dir));
    }

    /** Lets confirmed links open in the browser; without it links are shown but never opened. */
    public void setHostServices(HostServices hostServices) {
        markdown.links().setBrowser(hostServices == null ? null : hostServices::showDocument);
    }

    /** Where confirmed links go, for a caller without HostServices (tests); null: links never open. */
    void setBrowser(Consumer<String> browser) {
        markdown.links().setBrowser(browser);
    }

    @Override
    public EventSink viewModel() {
        return vm;
    }

    public LessonPaneViewModel lessonViewModel() {
        return vm;
    }

    /** Nothing runs in the background; only the scroll pause timer may still be pending. */
    @Override
    public void shutdown() {
        followPause.stop();
    }

    LessonReader reader() {
        return lessonReader;
    }

    private void showLibrary() {
        problemList.getChildren().clear();
        int shown = Math.min(vm.problems().size(), PROBLEMS_SHOWN);
        for (LessonProblem p : vm.problems().subList(0, shown)) {
            problemList.getChildren().add(problemLabel(p.toString()));
        }
        if (shown < vm.problems().size()) {
            problemList.getChildren().add(problemLabel(texts.format("lessons.problems.more",
                    vm.problems().size() - shown)));
        }
        long files = vm.libraryProperty().get().skippedFiles().size();
        problemsPane.setText(texts.format("lessons.problems.title", vm.problems().size(), files));
        problemsPane.setVisible(!vm.problems().isEmpty());
        problemsPane.setManaged(!vm.problems().isEmpty());
        flashcardsController.bind(vm.flashcards(), markdown, texts);
        glossaryController.bind(vm.glossary(), markdown, texts);
        vm.tasks().achieved().addListener((javafx.collections.SetChangeListener<String>) c -> refreshProgress());
        showLesson();
    }

    /** As tall as the problems, up to the CSS's max height (a few lines); more scroll. */
    private void fitProblems() {
        Insets in = problemScroll.getInsets();
        double h = Math.min(problemList.getHeight() + in.getTop() + in.getBottom(), problemScroll.getMaxHeight());
        problemScroll.setMinHeight(h);
        problemScroll.setPrefHeight(h);
    }

    private static Label problemLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("lesson-problem");
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private void showLesson() {
        loop.forget();
        lessonReader.show(vm.selectedLessonProperty().get(), vm, q -> refreshProgress());
        lessonReader.mark(vm.serverSection().get());
        refreshProgress();
        refreshServerAt();
        if (vm.followServerProperty().get()) {
            scrollNow();
        }
    }

    /**
     * Once per frame after the server's stage changed, and at the end of a pause in which it did: nothing at all
     * unless what the pane shows would change. During a pause the sections passed are only noted; at its end the
     * marker follows the server, unless the server came back to the marked section after being elsewhere (a loop,
     * such as fifty clients' recv() and send()): then it holds, and looks again after the next pause.
     */
    private void serverMoved() {
        LessonSection here = vm.serverSection().get();
        boolean shown = vm.serverStageProperty().get() == shownStage && here == lessonReader.marked();
        if (followPause.getStatus() == Animation.Status.RUNNING) {
            loop.passed(here);
            positionPending |= !shown;
            return;
        }
        boolean atPauseEnd = pauseEnded;
        pauseEnded = false;
        if (atPauseEnd && loop.cameBackTo(lessonReader.marked())) {
            positionPending = true; // the loop may end during the next pause: look again then
            followPause.playFromStart();
            return;
        }
        loop.forget();
        if (shown) {
            return;
        }
        showServerPosition();
        followPause.playFromStart();
    }

    private void showServerPosition() {
        LessonSection here = vm.serverSection().get();
        if (here != lessonReader.marked()) {
            lessonReader.mark(here);
            if (vm.followServerProperty().get()) {
                scrollNow();
            }
        }
        refreshServerAt();
    }

    private void pauseOver() {
        if (positionPending) {
            // through the pulse: while the pane is hidden (another tab shown) nothing is re-marked
            positionPending = false;
            pauseEnded = true;
            serverMoved.request();
        }
    }

    /** Ends the pause now, as its timer does when it runs out (tests: the frames of one pause, then its end). */
    void endFollowPause() {
        followPause.stop();
        pauseOver();
    }

    /** How often where the server is may change on screen; a new pace shows what waited at once (tests use it). */
    void setFollowPause(Duration pause) {
        followPause.stop();
        followPause.setDuration(pause);
        loop.forget();
        pauseEnded = false;
        if (positionPending) {
            positionPending = false;
            showServerPosition();
            followPause.playFromStart();
        }
    }

    private void scrollNow() {
        LessonSection s = lessonReader.marked();
        if (s != null) {
            lessonReader.scrollTo(s);
        }
    }

    private void refreshServerAt() {
        Step stage = vm.serverStageProperty().get();
        shownStage = stage;
        serverAt.setText(stage == null ? texts.get("lessons.server.idle")
                : texts.format("lessons.server.at", stage.label()));
    }

    private void refreshProgress() {
        Lesson l = vm.selectedLessonProperty().get();
        if (l == null) {
            progressLabel.setText("");
            return;
        }
        LessonPaneViewModel.TaskTally t = vm.taskProgress(l);
        QuizBook.Score s = vm.quizScore(l);
        progressLabel.setText(texts.format("lessons.progress", t.done(), t.total(), s.right(), s.answered(), s.total()));
    }

    @FXML
    private void onResetProgress() {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, texts.get("lessons.reset.question"),
                ButtonType.OK, ButtonType.CANCEL);
        ask.setTitle(texts.get("lessons.reset.title"));
        ask.setHeaderText(texts.get("lessons.reset.title"));
        ask.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        if (ask.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            vm.resetProgress();
            showLesson();
        }
    }

    private boolean confirmLink(String url) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, texts.format("lessons.link.question", url),
                ButtonType.OK, ButtonType.CANCEL);
        ask.setTitle(texts.get("lessons.link.title"));
        ask.setHeaderText(texts.get("lessons.link.title"));
        ask.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        return ask.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** Shows "1. A TCP server in nine calls" in the chooser. */
    private static final class LessonCell extends ListCell<Lesson> {
        @Override
        protected void updateItem(Lesson item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.order() + ". " + item.title());
        }
    }
}
