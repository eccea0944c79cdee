package org.socketstage.ui.lessons;

import org.socketstage.event.TestEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.lessons.Lesson;
import org.socketstage.lessons.LessonLibrary;
import org.socketstage.lessons.LessonLoader;
import org.socketstage.lessons.LessonSection;
import org.socketstage.lessons.QuizQuestion;
import org.socketstage.lessons.TryItTask;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;

class LessonPaneViewModelTest {

    private static final TestEvents EVENTS = new TestEvents();

    private static final LessonLibrary BUILT_IN = LessonLoader.loadBuiltIn();

    private LessonProgress progress;
    private LessonPaneViewModel vm;

    @BeforeEach
    void freshProgress() {
        progress = LessonProgress.forUser();
        progress.reset();
        vm = new LessonPaneViewModel(BUILT_IN, progress);
    }

    private Lesson lesson(String id) {
        return BUILT_IN.lesson(id).orElseThrow();
    }

    private Lesson lessonWithout(Step stage) {
        return BUILT_IN.lessons().stream().filter(l -> l.sectionFor(stage).isEmpty()).findFirst().orElseThrow();
    }

    private TryItTask task(String id) {
        return BUILT_IN.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void progressLivesUnderTheTestPrefsNode() {
        String node = System.getProperty(LessonProgress.NODE_PROPERTY);
        assertThat(node).as("set by the build for every test run").startsWith("socketstage-test");
        assertThat(progress.node().absolutePath()).isEqualTo("/" + node + "/lessons");
    }

    @Test
    void opensTheFirstLessonAndFollowsByDefault() {
        assertThat(vm.selectedLessonProperty().get()).isEqualTo(BUILT_IN.lessons().get(0));
        assertThat(vm.followServerProperty().get()).isTrue();
        assertThat(vm.serverSection().get()).isNull();
    }

    @Test
    void theSectionFollowsEachStageTheServerIsAboutToRun() {
        Lesson lifecycle = lesson("lifecycle");
        for (Step stage : Step.values()) {
            vm.apply(EVENTS.started(stage));
            LessonSection shown = vm.serverSection().get();
            assertThat(shown).as("section for %s", stage).isSameAs(lifecycle.sectionFor(stage).orElseThrow());
            assertThat(vm.serverStageProperty().get()).isEqualTo(stage);
        }
    }

    @Test
    void aLessonWithoutThatStageGivesWayToOneThatHasIt() {
        Lesson noRecv = lessonWithout(Step.RECV);
        vm.selectedLessonProperty().set(noRecv);
        vm.followServerProperty().set(true);
        vm.apply(EVENTS.started(Actor.connection(7, null), Step.RECV));
        Lesson expected = BUILT_IN.lessons().stream().filter(l -> l.sectionFor(Step.RECV).isPresent()).findFirst()
                .orElseThrow();
        assertThat(vm.selectedLessonProperty().get()).isEqualTo(expected);
        assertThat(vm.serverSection().get().stage()).isEqualTo(Step.RECV);
    }

    @Test
    void withFollowOffTheStudentReadingAheadStaysPut() {
        Lesson noRecv = lessonWithout(Step.RECV);
        vm.followServerProperty().set(false);
        vm.selectedLessonProperty().set(noRecv);
        vm.apply(EVENTS.started(Step.RECV));
        assertThat(vm.selectedLessonProperty().get()).isEqualTo(noRecv);
        assertThat(vm.serverStageProperty().get()).isEqualTo(Step.RECV);
        assertThat(vm.serverSection().get()).isNull();

        vm.followServerProperty().set(true);
        assertThat(vm.serverSection().get().stage()).isEqualTo(Step.RECV);
    }

    @Test
    void choosingALessonTurnsFollowingOffUntilTheStudentTurnsItOn() {
        vm.apply(EVENTS.started(Step.BIND));
        Lesson chosen = lessonWithout(Step.RECV);
        vm.selectedLessonProperty().set(chosen);
        assertThat(vm.followServerProperty().get()).as("choosing is reading: the server no longer leads").isFalse();

        for (Step stage : List.of(Step.ACCEPT, Step.RECV, Step.SEND, Step.RECV, Step.CLOSE_CLIENT)) {
            vm.apply(EVENTS.started(Actor.connection(7, null), stage));
        }
        vm.load(BUILT_IN);
        assertThat(vm.selectedLessonProperty().get()).isEqualTo(chosen);
        assertThat(vm.followServerProperty().get()).as("reloading is no choice either way").isFalse();

        vm.followServerProperty().set(true);
        assertThat(vm.selectedLessonProperty().get().sectionFor(Step.CLOSE_CLIENT)).isPresent();
        vm.apply(EVENTS.started(Actor.connection(7, null), Step.RECV));
        assertThat(vm.followServerProperty().get()).as("the pane opening a lesson itself is not a choice").isTrue();
        assertThat(vm.serverSection().get().stage()).isEqualTo(Step.RECV);
    }

    @Test
    void clientAndKernelEventsDoNotMoveTheLesson() {
        vm.apply(EVENTS.started(Step.BIND));
        vm.apply(EVENTS.started(Actor.client(9, null), Step.RECV));
        vm.apply(EVENTS.started(Actor.KERNEL, Step.ACCEPT));
        assertThat(vm.serverStageProperty().get()).isEqualTo(Step.BIND);
    }

    @Test
    void aTaskTicksFromTheRealEventRecordAndIsSaved() {
        String id = "lifecycle/get-a-file-descriptor";
        assertThat(vm.tasks().isAchieved(id)).isFalse();
        vm.apply(EVENTS.failed(Step.SOCKET, "EMFILE"));
        assertThat(vm.tasks().isAchieved(id)).as("a failed socket() is not the goal").isFalse();
        vm.apply(EVENTS.ok(Step.SOCKET, 27));
        assertThat(vm.tasks().isAchieved(id)).isTrue();
        assertThat(LessonProgress.forUser().achievedTasks()).contains(id);
        assertThat(vm.taskProgress(lesson("lifecycle"))).isEqualTo(new LessonPaneViewModel.TaskTally(1, 7));
    }

    @Test
    void theScrubbersReplayNeitherCountsTwiceNorForgets() {
        String twoAccepts = "many-clients/two-clients-two-sockets";
        assertThat(task(twoAccepts).goals().get(0).text()).isEqualTo("count call accept succeeds >= 2");
        vm.apply(EVENTS.started(Step.ACCEPT));
        ServerEvent first = EVENTS.ok(Step.ACCEPT, 5);
        vm.apply(first);

        vm.reset();
        assertThat(vm.serverStageProperty().get()).isNull();
        vm.apply(first);
        assertThat(vm.tasks().isAchieved(twoAccepts)).as("one accept replayed is still one accept").isFalse();

        vm.apply(EVENTS.ok(Step.ACCEPT, 6));
        assertThat(vm.tasks().isAchieved(twoAccepts)).isTrue();

        vm.reset();
        assertThat(vm.tasks().isAchieved(twoAccepts)).as("scrubbing is view-only").isTrue();
        assertThat(vm.tasks().isAchieved("lifecycle/take-your-first-caller")).isTrue();
    }

    @Test
    void theStageIsDerivedAgainFromTheReplay() {
        ServerEvent bind = EVENTS.started(Step.BIND);
        vm.apply(bind);
        vm.apply(EVENTS.started(Step.LISTEN));
        vm.reset();
        vm.apply(bind);
        assertThat(vm.serverStageProperty().get()).isEqualTo(Step.BIND);
        assertThat(vm.serverSection().get().stage()).isEqualTo(Step.BIND);
    }

    @Test
    void theFirstAnswerScoresAndEveryAnswerExplainsItself() {
        Lesson lifecycle = lesson("lifecycle");
        QuizQuestion q1 = lifecycle.questions().get(0);
        QuizQuestion q2 = lifecycle.questions().get(1);
        int right1 = q1.correctIndex();
        int wrong2 = (q2.correctIndex() + 1) % q2.choices().size();

        QuizBook.Feedback f = vm.answer(q1, right1);
        assertThat(f.correct()).isTrue();
        assertThat(f.scored()).isTrue();
        assertThat(f.choice().explanation()).isEqualTo(q1.choices().get(right1).explanation()).isNotBlank();

        QuizBook.Feedback g = vm.answer(q2, wrong2);
        assertThat(g.correct()).isFalse();
        assertThat(g.choice().explanation()).isEqualTo(q2.choices().get(wrong2).explanation());

        QuizBook.Feedback retry = vm.answer(q2, q2.correctIndex());
        assertThat(retry.correct()).isTrue();
        assertThat(retry.scored()).as("only the first pick counts").isFalse();

        assertThat(vm.quizScore(lifecycle)).isEqualTo(new QuizBook.Score(1, 2, lifecycle.questions().size()));
    }

    @Test
    void aChoiceThatDoesNotExistIsRefusedWithAClearMessage() {
        QuizQuestion q = lesson("lifecycle").questions().get(0);
        assertThatThrownBy(() -> vm.answer(q, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has " + q.choices().size() + " choices; got choice 9");
    }

    @Test
    void progressIsRestoredInANewSessionAndCanBeReset() {
        Lesson address = lesson("address");
        vm.selectedLessonProperty().set(address);
        vm.apply(EVENTS.ok(Step.BIND, 0));
        QuizQuestion q = address.questions().get(0);
        vm.answer(q, q.correctIndex());

        LessonPaneViewModel later = new LessonPaneViewModel(BUILT_IN, LessonProgress.forUser());
        assertThat(later.selectedLessonProperty().get()).isEqualTo(address);
        assertThat(later.tasks().isAchieved("lifecycle/claim-the-port")).isTrue();
        assertThat(later.quizScore(address).right()).isEqualTo(1);

        later.resetProgress();
        assertThat(later.tasks().achieved()).isEmpty();
        assertThat(later.quizScore(address).answered()).isZero();
        LessonProgress saved = LessonProgress.forUser();
        assertThat(saved.achievedTasks()).isEmpty();
        assertThat(saved.firstAnswers()).isEmpty();

        later.apply(EVENTS.ok(Step.BIND, 0));
        assertThat(later.tasks().isAchieved("lifecycle/claim-the-port")).as("a reset task can be done again").isTrue();
    }

    @Test
    void longIdsGetShortDistinctPreferenceKeys() {
        String a = "backlog/quiz/with-backlog-1-and-no-accept-how-many-connections-does-the-linux-accept-queue-hold";
        String b = a + "-2";
        assertThat(LessonProgress.key(a)).hasSizeLessThanOrEqualTo(Preferences.MAX_KEY_LENGTH)
                .isNotEqualTo(LessonProgress.key(b)).startsWith("backlog/quiz/with-backlog-1");
        assertThat(LessonProgress.key("lifecycle/claim-the-port")).isEqualTo("lifecycle/claim-the-port");
        progress.answered(a, 2);
        assertThat(progress.firstAnswers()).containsEntry(a, 2);
    }

    @Test
    void aBrokenInstructorFileIsListedAndTheRestStillLoads(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.md"), "---\nid: broken\ntitle: Broken\norder: 1\nlevel: expert\n---\n## x\nText.\n");
        Files.writeString(dir.resolve("mine.md"), "---\nid: mine\ntitle: My own lesson\norder: 50\nlevel: beginner\n---\n"
                + "## My bind\nstage: BIND\n\nText.\n");
        vm.load(LessonLoader.loadBuiltInAnd(dir));
        assertThat(vm.problems()).extracting(Object::toString)
                .containsExactly(dir.resolve("broken.md") + ":5: bad level 'expert': expected beginner, intermediate or advanced");
        assertThat(vm.lessons()).extracting(Lesson::id).contains("lifecycle", "mine");
    }
}
