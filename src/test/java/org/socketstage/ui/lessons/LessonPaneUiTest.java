package org.socketstage.ui.lessons;

import org.socketstage.event.TestEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socketstage.lessons.Lesson;
import org.socketstage.lessons.LessonSection;
import org.socketstage.lessons.QuizQuestion;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The real pane in a headless stage: quiz, flashcards, glossary, warnings, links and reset, as a student uses them. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class LessonPaneUiTest {

    private static final TestEvents EVENTS = new TestEvents();

    private PaneHarness pane;
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private Path instructorDir;

    @Start
    void start(Stage stage) throws IOException {
        pane = PaneHarness.show(stage, 560, 790);
        pane.view.setBrowser(opened::add);
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (instructorDir != null) {
            try (var files = Files.list(instructorDir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(instructorDir);
        }
    }

    private LessonPaneViewModel vm() {
        return pane.view.lessonViewModel();
    }

    private <T extends Node> T find(String selector, Class<T> type) {
        return PaneHarness.lookup(pane.scene.getRoot(), selector, type);
    }

    private boolean dialogShowing() {
        return Window.getWindows().stream().anyMatch(w -> w.isShowing() && w != pane.scene.getWindow());
    }

    @Test
    void aQuizAnswerIsExplainedAndScored(FxRobot robot) {
        Lesson lifecycle = vm().selectedLessonProperty().get();
        QuizQuestion q = lifecycle.questions().get(0);
        QuizCard card = (QuizCard) robot.lookup(".quiz-card").match(n -> q.id().equals(n.getUserData())).query();
        int wrong = (q.correctIndex() + 1) % q.choices().size();
        robot.interact(() -> pane.view.reader().reveal(card));

        robot.clickOn(card.buttonFor(wrong));
        assertThat(card.feedback().isVisible()).isTrue();
        assertThat(card.feedback().getText()).startsWith("✘ Not quite.").endsWith(q.choices().get(wrong).explanation());
        assertThat(card.buttonFor(wrong).getStyleClass()).contains("quiz-wrong");
        assertThat(card.buttonFor(wrong).getText()).startsWith("✘");
        assertThat(find("#lesson-progress", Label.class).getText()).contains("Quiz: 0 right of 1 answered");

        robot.clickOn(card.buttonFor(q.correctIndex()));
        assertThat(card.feedback().getText()).startsWith("✔ Right.").endsWith(q.choices().get(q.correctIndex()).explanation());
        assertThat(find("#lesson-progress", Label.class).getText()).as("the first answer scores")
                .contains("Quiz: 0 right of 1 answered");
        robot.interact(() -> pane.snapshot("lesson-pane-quiz"));
    }

    @Test
    void flashcardsFlipAndTurn(FxRobot robot) {
        int total = vm().flashcards().size();
        robot.clickOn("Flashcards");
        Label counter = find("#card-counter", Label.class);
        Label side = find("#card-side", Label.class);
        assertThat(counter.getText()).isEqualTo("Card 1 of " + total);
        assertThat(side.getText()).isEqualTo("Question");
        String front = find("#card-front", Label.class).getText();
        assertThat(front).isEqualTo(vm().flashcards().current().get().front());

        robot.clickOn("#card-flip");
        assertThat(side.getText()).isEqualTo("Answer");
        assertThat(robot.lookup("#card-back .md-text").queryAll()).isNotEmpty();
        robot.interact(() -> pane.snapshot("lesson-pane-flashcard"));

        robot.clickOn("#card-next");
        assertThat(counter.getText()).isEqualTo("Card 2 of " + total);
        assertThat(side.getText()).isEqualTo("Question");
        robot.clickOn("#card-previous").clickOn("#card-previous");
        assertThat(counter.getText()).isEqualTo("Card " + total + " of " + total);
    }

    @Test
    void aLessonChosenInTheChooserStaysOpenWhileTheServerMoves(FxRobot robot) throws Exception {
        robot.interact(() -> vm().apply(EVENTS.started(org.socketstage.event.Step.BIND)));
        javafx.scene.control.CheckBox follow = find("#lesson-follow", javafx.scene.control.CheckBox.class);
        assertThat(follow.isSelected()).isTrue();
        Lesson chosen = vm().lessons().stream().filter(l -> l.sectionFor(org.socketstage.event.Step.RECV).isEmpty())
                .findFirst().orElseThrow();

        robot.clickOn("#lesson-chooser").clickOn(chosen.order() + ". " + chosen.title());

        assertThat(vm().selectedLessonProperty().get()).isEqualTo(chosen);
        assertThat(follow.isSelected()).as("choosing a lesson turns following off").isFalse();
        robot.interact(() -> vm().apply(EVENTS.started(org.socketstage.event.Actor.connection(5, null),
                org.socketstage.event.Step.RECV)));
        assertThat(vm().selectedLessonProperty().get()).as("the server does not take the student away").isEqualTo(chosen);

        robot.clickOn(follow);
        assertThat(vm().selectedLessonProperty().get().sectionFor(org.socketstage.event.Step.RECV)).isPresent();
        assertThat(follow.isSelected()).isTrue();
    }

    @Test
    void flippingACardLeavesTheButtonsWhereTheyAre(FxRobot robot) throws Exception {
        robot.clickOn("Flashcards");
        javafx.scene.control.Button next = find("#card-next", javafx.scene.control.Button.class);
        javafx.scene.control.Button previous = find("#card-previous", javafx.scene.control.Button.class);
        javafx.geometry.Bounds nextBefore = onFx(() -> next.localToScene(next.getLayoutBounds()));
        javafx.geometry.Bounds previousBefore = onFx(() -> previous.localToScene(previous.getLayoutBounds()));
        String flipText = find("#card-flip", javafx.scene.control.Button.class).getText();

        robot.clickOn("#card-flip");
        assertThat(find("#card-flip", javafx.scene.control.Button.class).getText()).isNotEqualTo(flipText);
        assertThat(onFx(() -> next.localToScene(next.getLayoutBounds()))).isEqualTo(nextBefore);
        assertThat(onFx(() -> previous.localToScene(previous.getLayoutBounds()))).isEqualTo(previousBefore);

        robot.clickOn(next);
        assertThat(find("#card-counter", Label.class).getText()).startsWith("Card 2 of");
        assertThat(onFx(() -> next.localToScene(next.getLayoutBounds()))).isEqualTo(nextBefore);
    }

    @Test
    void theGlossaryFiltersAsTheStudentTypes(FxRobot robot) {
        int total = vm().glossary().total();
        robot.clickOn("Glossary");
        assertThat(find("#glossary-count", Label.class).getText()).isEqualTo(total + " of " + total + " terms");
        robot.clickOn("#glossary-search").write("time_w");
        @SuppressWarnings("unchecked")
        ListView<org.socketstage.lessons.GlossaryTerm> list = find("#glossary-terms", ListView.class);
        assertThat(list.getItems()).isNotEmpty().hasSizeLessThan(total);
        assertThat(list.getItems().get(0).term()).isEqualToIgnoringCase("TIME_WAIT");
        assertThat(find("#glossary-term", Label.class).getText()).isEqualToIgnoringCase("TIME_WAIT");
        assertThat(find("#glossary-count", Label.class).getText()).isEqualTo(list.getItems().size() + " of " + total + " terms");
        robot.interact(() -> pane.snapshot("lesson-pane-glossary"));
    }

    @Test
    void aBrokenInstructorFileIsAVisibleWarningAndLinksAskFirst(FxRobot robot) throws IOException {
        instructorDir = Files.createTempDirectory("socketstage-lessons");
        Files.writeString(instructorDir.resolve("broken.md"),
                "---\nid: broken\ntitle: Broken\norder: 1\nlevel: beginner\n---\n## bind()\nstgae: BIND\n\nText.\n");
        Files.writeString(instructorDir.resolve("links.md"), "---\nid: links\ntitle: Further reading\norder: 90\n"
                + "level: beginner\n---\nRead [the bind man page](https://man7.org/linux/man-pages/man2/bind.2.html) after class.\n\n"
                + "## More\nText.\n");
        robot.interact(() -> pane.view.setExtraLessonsDir(instructorDir));

        TitledPane problems = find("#lesson-problems", TitledPane.class);
        assertThat(problems.isVisible()).isTrue();
        assertThat(problems.getText()).contains("Problems in lesson files: 1").contains("files skipped: 1");
        assertThat(robot.lookup(".lesson-problem").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly(instructorDir.resolve("broken.md") + ":8: unknown key 'stgae' under a section heading; accepted: stage");
        assertThat(vm().lessons()).extracting(Lesson::id).contains("lifecycle", "links");

        robot.interact(() -> vm().selectedLessonProperty().set(vm().lessons().stream()
                .filter(l -> l.id().equals("links")).findFirst().orElseThrow()));
        robot.interact(() -> pane.snapshot("lesson-pane-instructor-warning"));
        Hyperlink link = robot.lookup(".md-link").queryAs(Hyperlink.class);

        robot.clickOn(link);
        await().atMost(Duration.ofSeconds(5)).until(this::dialogShowing);
        robot.clickOn("Cancel");
        assertThat(opened).as("cancelled: nothing opens").isEmpty();

        robot.clickOn(link);
        await().atMost(Duration.ofSeconds(5)).until(this::dialogShowing);
        robot.clickOn("OK");
        assertThat(opened).containsExactly("https://man7.org/linux/man-pages/man2/bind.2.html");
    }

    @Test
    void resettingProgressAsksFirst(FxRobot robot) {
        robot.interact(() -> vm().apply(EVENTS.ok(org.socketstage.event.Step.SOCKET, 27)));
        TaskCard first = robot.lookup(".task-card").queryAs(TaskCard.class);
        assertThat(first.achieved()).isTrue();
        assertThat(robot.lookup(".task-card .task-box").queryAs(Label.class).getText()).isEqualTo("☑");
        assertThat(robot.lookup(".task-card .task-status").queryAs(Label.class).getText()).startsWith("Done");

        robot.clickOn("#lesson-reset");
        await().atMost(Duration.ofSeconds(5)).until(this::dialogShowing);
        robot.clickOn("Cancel");
        assertThat(robot.lookup(".task-card").queryAs(TaskCard.class).achieved()).isTrue();

        robot.clickOn("#lesson-reset");
        await().atMost(Duration.ofSeconds(5)).until(this::dialogShowing);
        robot.clickOn("OK");
        TaskCard after = robot.lookup(".task-card").queryAs(TaskCard.class);
        assertThat(after.achieved()).isFalse();
        assertThat(robot.lookup(".task-card .task-box").queryAs(Label.class).getText()).isEqualTo("☐");
        assertThat(LessonProgress.forUser().achievedTasks()).isEmpty();
        assertThat(find("#lesson-progress", Label.class).getText()).startsWith("Try it: 0 of 7 done");
    }

    @Test
    void codeAndTablesAreLaidOutInsideThePage(FxRobot robot) {
        javafx.scene.layout.GridPane table = robot.lookup(".md-table").queryAs(javafx.scene.layout.GridPane.class);
        javafx.scene.control.ScrollPane code = robot.lookup(".md-code-block").queryAs(javafx.scene.control.ScrollPane.class);
        javafx.scene.control.ScrollPane reader = find("#lesson-reader", javafx.scene.control.ScrollPane.class);
        robot.interact(() -> {
            double viewport = reader.getViewportBounds().getWidth();
            assertThat(table.getWidth()).as("the table wraps its cells to the page").isLessThanOrEqualTo(viewport);
            assertThat(code.getWidth()).isLessThanOrEqualTo(viewport);
            Node codeText = robot.lookup(".md-code-text").query();
            assertThat(codeText.getLayoutBounds().getWidth()).as("long C lines scroll sideways").isGreaterThan(code.getWidth());
            assertThat(code.getHeight()).as("the whole code block is visible without scrolling down")
                    .isGreaterThanOrEqualTo(codeText.getLayoutBounds().getHeight());
            pane.view.reader().reveal(table);
        });
        robot.interact(() -> pane.snapshot("lesson-pane-table"));
    }

    @Test
    void theAppsZoomScalesTheLessonText(FxRobot robot) {
        robot.interact(() -> {
            pane.scene.getRoot().setStyle("-fx-font-size: 20px;");
            pane.scene.getRoot().applyCss();
        });
        javafx.scene.text.Text body = robot.lookup(".md-paragraph .md-text").queryAs(javafx.scene.text.Text.class);
        javafx.scene.text.Text code = robot.lookup(".md-code-text").queryAs(javafx.scene.text.Text.class);
        Label title = robot.lookup(".lesson-title").queryAs(Label.class);
        assertThat(body.getFont().getSize()).isEqualTo(20.0);
        assertThat(code.getFont().getSize()).isCloseTo(20 * 0.88, org.assertj.core.data.Offset.offset(0.01));
        assertThat(title.getFont().getSize()).isCloseTo(20 * 1.55, org.assertj.core.data.Offset.offset(0.01));
    }

    /** Where a node's top is, in pixels below the top of the reader's visible area. */
    private double belowViewTop(Node node) {
        Node viewport = pane.scene.getRoot().lookup("#lesson-reader > .viewport");
        return node.localToScene(0, 0).getY() - viewport.localToScene(0, 0).getY();
    }

    @Test
    void zoomingKeepsTheReadingPosition(FxRobot robot) throws Exception {
        Lesson lifecycle = vm().selectedLessonProperty().get();
        LessonSection listen = lifecycle.sectionFor(org.socketstage.event.Step.LISTEN).orElseThrow();
        robot.interact(() -> pane.view.reader().scrollTo(listen));
        VBox section = pane.view.reader().nodeFor(listen);
        assertThat(onFx(() -> belowViewTop(section))).isBetween(-1.0, 1.0);

        for (String size : List.of("20px", "9px", "15px")) {
            robot.interact(() -> pane.scene.getRoot().setStyle("-fx-font-size: " + size + ";"));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(onFx(() -> belowViewTop(section)))
                    .as("the section read at %s", size).isBetween(-1.0, 1.0));
        }
    }

    static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(work).get();
    }

    @Test
    void readableOnTheDarkTheme(FxRobot robot) {
        robot.interact(() -> {
            pane.scene.getStylesheets().add(getClass().getResource("/lessons-dark-test.css").toExternalForm());
            vm().apply(EVENTS.ok(org.socketstage.event.Step.SOCKET, 27));
            vm().apply(EVENTS.started(org.socketstage.event.Step.SOCKET));
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            VBox here = onFx(() -> PaneHarness.markedSection(pane.scene.getRoot()));
            return here != null && ((LessonSection) here.getUserData()).stage() == org.socketstage.event.Step.SOCKET;
        });
        robot.interact(() -> pane.snapshot("lesson-pane-dark"));
    }
}
