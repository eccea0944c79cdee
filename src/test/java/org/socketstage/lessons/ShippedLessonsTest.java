package org.socketstage.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socketstage.event.Step;

/** The lessons shipped on the class path are complete and valid. */
class ShippedLessonsTest {

    private static LessonLibrary lib;

    @BeforeAll
    static void load() {
        lib = LessonLoader.loadBuiltIn();
    }

    @Test
    void everyShippedFileParsesWithoutProblems() {
        assertThat(lib.problems()).isEmpty();
        assertThat(lib.skippedFiles()).isEmpty();
        assertThat(lib.lessons()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void lessonsComeInTheirOrderAndStartWithTheLifecycle() {
        assertThat(lib.lessons()).extracting(Lesson::order).isSorted();
        assertThat(lib.lessons().get(0).id()).isEqualTo("lifecycle");
        assertThat(lib.lessons()).extracting(Lesson::source).allMatch(s -> s.startsWith("classpath:lessons/"));
    }

    @Test
    void theLifecycleLessonHasASectionForEveryStageInOrder() {
        Lesson lifecycle = lib.lesson("lifecycle").orElseThrow();
        List<Step> stages = lifecycle.sections().stream().map(LessonSection::stage).toList();
        assertThat(stages).containsExactly(Step.values());
        for (Step s : Step.values()) {
            assertThat(lifecycle.sectionFor(s)).isPresent();
        }
    }

    @Test
    void everyStageReferencedExistsAndEveryStageIsTaught() {
        Set<Step> used = lib.lessons().stream().flatMap(l -> l.sections().stream())
                .map(LessonSection::stage).filter(s -> s != null).collect(Collectors.toSet());
        // the parser only accepts Step names, so referencing means existing; all stages must be covered
        assertThat(used).isEqualTo(EnumSet.allOf(Step.class));
        for (Step s : Step.values()) {
            assertThat(lib.sectionsFor(s)).as("sections for %s", s).isNotEmpty();
        }
    }

    @Test
    void atLeast60QuestionsEachWithOneRightAnswerAndEveryChoiceExplained() {
        List<QuizQuestion> qs = lib.questions();
        assertThat(qs).hasSizeGreaterThanOrEqualTo(60);
        assertThat(qs).extracting(QuizQuestion::id).doesNotHaveDuplicates();
        for (QuizQuestion q : qs) {
            assertThat(q.choices()).as(q.id()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(q.choices().stream().filter(QuizChoice::correct).count()).as(q.id()).isEqualTo(1);
            assertThat(q.choices()).as(q.id()).allSatisfy(c -> {
                assertThat(c.text()).isNotBlank();
                assertThat(c.explanation()).isNotBlank();
            });
        }
    }

    @Test
    void glossaryAndFlashcardsAreThereAndCoverTheAppsTerms() {
        assertThat(lib.glossary()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(lib.flashcards()).hasSizeGreaterThanOrEqualTo(20);
        for (String term : List.of("file descriptor", "errno", "backlog", "accept queue", "SYN_SENT", "SYN_RECV",
                "TIME_WAIT", "htons()", "SO_REUSEADDR", "INADDR_ANY", "ListenOverflows", "EADDRINUSE", "ECONNREFUSED",
                "ECONNRESET", "EPIPE", "EBADF", "EACCES", "EADDRNOTAVAIL", "EMFILE", "simulated", "SIGPIPE",
                "MSG_NOSIGNAL", "sockaddr_in", "network byte order", "half-close", "SO_LINGER")) {
            assertThat(lib.term(term)).as(term).isPresent();
        }
        assertThat(lib.glossary()).allSatisfy(t -> assertThat(t.definition()).isNotBlank());
    }

    @Test
    void everyErrnoStateAndConstantTheLessonsMentionIsInTheGlossary() {
        Pattern word = Pattern.compile("\\b(E[A-Z]{3,}|[A-Z][A-Z0-9]*_[A-Z0-9_]+)\\b");
        Set<String> mentioned = new TreeSet<>();
        for (Lesson l : lib.lessons()) {
            StringBuilder text = new StringBuilder(l.intro());
            for (LessonSection s : l.sections()) {
                text.append('\n').append(s.body());
                s.tasks().forEach(t -> text.append('\n').append(t.instructions()));
                s.questions().forEach(q -> {
                    text.append('\n').append(q.prompt());
                    q.choices().forEach(c -> text.append('\n').append(c.text()).append('\n').append(c.explanation()));
                });
            }
            Matcher m = word.matcher(text);
            while (m.find()) {
                mentioned.add(m.group(1));
            }
        }
        assertThat(mentioned).contains("EADDRINUSE", "TIME_WAIT", "SO_REUSEADDR", "MSG_NOSIGNAL");
        assertThat(mentioned).allSatisfy(w -> assertThat(lib.term(w)).as("glossary term " + w).isPresent());
    }

    @Test
    void everyScenarioHasATaskAndEveryTaskHasAGoal() {
        Set<String> scenarios = lib.tasks().stream().map(TryItTask::scenario).filter(s -> s != null)
                .collect(Collectors.toSet());
        assertThat(scenarios).containsExactlyInAnyOrderElementsOf(LessonFileParser.SCENARIOS);
        assertThat(lib.tasks()).allSatisfy(t -> {
            assertThat(t.goals()).isNotEmpty();
            assertThat(t.instructions()).isNotBlank();
        });
        assertThat(lib.tasks()).extracting(TryItTask::id).doesNotHaveDuplicates();
    }

    @Test
    void sectionBodiesKeepTheirMarkdownButNotTheTasksOrQuestions() {
        LessonSection socket = lib.lesson("lifecycle").orElseThrow().sectionFor(Step.SOCKET).orElseThrow();
        assertThat(socket.body()).contains("`socket(AF_INET, SOCK_STREAM, 0)`").doesNotContain("### Try it")
                .doesNotContain("### Quiz").doesNotStartWith("stage:");
        assertThat(socket.tasks()).hasSize(1);
        assertThat(socket.questions()).hasSize(2);
        assertThat(lib.lesson("lifecycle").orElseThrow().intro()).contains("if (listenfd == -1)");
    }

    @Test
    void atLeastTenQuestionsAskToSpotABugOrToPredictAndEachPredictionIsSettledByATaskOfItsLesson() {
        assertThat(lib.questionCount(QuizKind.SPOT_THE_BUG) + lib.questionCount(QuizKind.PREDICT))
                .isGreaterThanOrEqualTo(10);
        assertThat(lib.questionCount(QuizKind.SPOT_THE_BUG)).isGreaterThanOrEqualTo(4);
        assertThat(lib.questionCount(QuizKind.PREDICT)).isGreaterThanOrEqualTo(4);
        for (Lesson l : lib.lessons()) {
            List<String> tasks = l.tasks().stream().map(TryItTask::id).toList();
            l.questions().stream().filter(q -> q.kind() == QuizKind.PREDICT)
                    .forEach(q -> assertThat(tasks).as(q.id()).contains(q.revealTaskId().orElseThrow()));
            l.questions().stream().filter(q -> q.kind() == QuizKind.SPOT_THE_BUG)
                    .forEach(q -> assertThat(q.prompt()).as(q.id()).contains("```"));
        }
    }

    /**
     * The right answer's place in the files is no clue: no place holds it in more than 40% of the questions.
     * (The pane shuffles per student as well; this keeps the files themselves, and printed copies, fair.)
     */
    @Test
    void noPlaceHoldsTheRightAnswerInMoreThanFortyPercentOfTheQuestions() {
        List<QuizQuestion> qs = lib.questions();
        Map<Integer, Long> byPlace = qs.stream()
                .collect(Collectors.groupingBy(QuizQuestion::correctIndex, Collectors.counting()));
        for (Map.Entry<Integer, Long> e : byPlace.entrySet()) {
            assertThat(e.getValue() * 100 / qs.size()).as("place %s holds %d of %d right answers", (char) ('A' + e.getKey()),
                    e.getValue(), qs.size()).isLessThanOrEqualTo(40);
        }
        assertThat(byPlace).as("the right answer is found in every place A to C").containsKeys(0, 1, 2);
    }

    /** Length is no clue either: the right answer is the single longest choice in less than half the questions. */
    @Test
    void theRightAnswerIsTheLongestChoiceInLessThanHalfTheQuestions() {
        List<QuizQuestion> qs = lib.questions();
        long longest = qs.stream().filter(q -> {
            int right = q.choices().get(q.correctIndex()).text().length();
            return q.choices().stream().filter(c -> !c.correct()).allMatch(c -> c.text().length() < right);
        }).count();
        assertThat(longest * 100 / qs.size()).as("%d of %d right answers are the longest choice", longest, qs.size())
                .isLessThan(50);
    }

    /** Lesson 1 prints the program the code panel shows, character for character. */
    @Test
    void theLifecycleListingIsTheCodePanelsProgram() throws java.io.IOException {
        String intro = lib.lesson("lifecycle").orElseThrow().intro();
        int start = intro.indexOf("```c\n") + 5;
        String listing = intro.substring(start, intro.indexOf("\n```", start));
        String shipped = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/code/echo_server.c"));
        assertThat(listing).isEqualTo(shipped.stripTrailing());
        assertThat(listing).contains("#include <netinet/in.h>", "send_all(", "sleep(1)", "rc = close(listenfd)",
                "while (!stop)", "if (errno == EINTR)");
    }

    @Test
    void checkingTheShippedFolderReportsTheQuestionKinds() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int status = LessonCheck.run(java.nio.file.Path.of("lessons"),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(status).as(text).isZero();
        Matcher m = Pattern.compile("(\\d+) questions \\((\\d+) spot-the-bug, (\\d+) predict\\)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isGreaterThanOrEqualTo(60);
        assertThat(Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3))).isGreaterThanOrEqualTo(10);
        assertThat(text).endsWith("; no problems" + System.lineSeparator());
    }
}
