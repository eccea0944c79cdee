package org.socketstage.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketstage.event.Step;

/** The structure is found by commonmark, so Markdown that merely looks like structure stays text. */
class LessonFileParserTest {

    private static final String HEADER = "---\nid: t\ntitle: T\norder: 3\nlevel: intermediate\n---\n";

    private static Lesson lesson(String body) {
        LessonFile f = LessonFileParser.parse("t.md", "test:t.md", HEADER + body);
        assertThat(f.problems()).isEmpty();
        return f.lesson();
    }

    @Test
    void headingsInsideCodeBlocksAndListsAreText() {
        Lesson l = lesson("""
                ## Real section
                stage: RECV

                ```c
                ## not a section
                ### Try it: not a task
                ```

                - ## not a section either

                ### Quiz: Which is real?
                ```text
                - [x] this is code in the prompt
                ```
                - [x] The one outside the code block
                  Why: Code blocks are text.
                - [ ] The one inside
                  Why: It is only an example.
                """);
        assertThat(l.sections()).singleElement().satisfies(s -> {
            assertThat(s.stage()).isEqualTo(Step.RECV);
            assertThat(s.body()).contains("## not a section").contains("### Try it: not a task")
                    .doesNotContain("Which is real");
            assertThat(s.tasks()).isEmpty();
            assertThat(s.questions()).singleElement().satisfies(q -> {
                assertThat(q.prompt()).startsWith("Which is real?").contains("- [x] this is code in the prompt");
                assertThat(q.choices()).extracting(QuizChoice::text)
                        .containsExactly("The one outside the code block", "The one inside");
                assertThat(q.correctIndex()).isZero();
            });
        });
        assertThat(l.order()).isEqualTo(3);
        assertThat(l.level()).isEqualTo(Lesson.Level.INTERMEDIATE);
    }

    @Test
    void aSettingLineRightAboveTextIsStillASettingAndNotPartOfTheBody() {
        Lesson l = lesson("""
                ## bind()
                stage: BIND
                The body starts on the next line of the same paragraph.

                ### try it: lower case works too
                goal: call bind succeeds
                scenario: port-in-use
                Bind it.
                """);
        LessonSection s = l.sections().get(0);
        assertThat(s.stage()).isEqualTo(Step.BIND);
        assertThat(s.body()).isEqualTo("The body starts on the next line of the same paragraph.");
        TryItTask t = s.tasks().get(0);
        assertThat(t.id()).isEqualTo("t/lower-case-works-too");
        assertThat(t.scenarioName()).hasValue("port-in-use");
        assertThat(t.instructions()).isEqualTo("Bind it.");
        assertThat(t.goals()).extracting(Goal::text).containsExactly("call bind succeeds");
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreFine() {
        String text = "\uFEFF" + (HEADER + "## s\r\nstage: SEND\r\n\r\nText.\r\n").replace("\n", "\r\n")
                .replace("\r\r\n", "\r\n");
        LessonFile f = LessonFileParser.parse("t.md", "t", text);
        assertThat(f.problems()).isEmpty();
        assertThat(f.lesson().sections().get(0).stage()).isEqualTo(Step.SEND);
        assertThat(f.lesson().sections().get(0).body()).isEqualTo("Text.");
    }

    @Test
    void anExplanationMayStandOnTheChoiceLineAndRunOverSeveralLines() {
        Lesson l = lesson("""
                ## s
                ### Quiz: Q?
                - [X] Right Why: because.
                - [ ] Wrong
                  Why: first line
                  and a second line.
                """);
        QuizQuestion q = l.questions().get(0);
        assertThat(q.choices().get(0)).isEqualTo(new QuizChoice("Right", true, "because."));
        assertThat(q.choices().get(1).explanation()).isEqualTo("first line\nand a second line.");
        assertThat(q.id()).isEqualTo("t/quiz/q");
    }

    @Test
    void quizKindsAreSettingsUnderTheHeadingAndAPredictionNamesATaskOfItsLessonBeforeOrAfterIt() {
        Lesson l = lesson("""
                ## s
                ### Quiz: What will bind() return?
                kind: predict
                task: Claim the port

                - [ ] 1
                  Why: No.
                - [x] 0
                  Why: Yes.

                ### Try it: Claim the port
                goal: call bind succeeds

                Bind.

                ### Quiz: What is wrong here?
                kind: spot-the-bug

                ```c
                addr.sin_port = 9090;
                ```

                - [x] htons is missing
                  Why: Byte order.
                - [ ] Nothing
                  Why: It binds 33315.

                ### Quiz: Plain?
                - [x] Yes
                  Why: No kind means recall.
                - [ ] No
                  Why: It does.
                """);
        List<QuizQuestion> qs = l.questions();
        assertThat(qs).extracting(QuizQuestion::kind)
                .containsExactly(QuizKind.PREDICT, QuizKind.SPOT_THE_BUG, QuizKind.RECALL);
        assertThat(qs.get(0).revealTaskId()).hasValue("t/claim-the-port");
        assertThat(qs.get(0).prompt()).as("settings are not part of the question").isEqualTo("What will bind() return?");
        assertThat(qs.get(1).prompt()).startsWith("What is wrong here?").contains("addr.sin_port = 9090;")
                .doesNotContain("kind:");
        assertThat(qs.get(1).revealTaskId()).isEmpty();
        assertThat(qs.get(2).revealTaskId()).isEmpty();
    }

    @Test
    void aSectionWithoutAStageIsAllowedAndTheIntroIsKept() {
        Lesson l = lesson("""
                Intro *text*.

                ## Background
                Just reading.
                """);
        assertThat(l.intro()).isEqualTo("Intro *text*.");
        assertThat(l.sections().get(0).stageTag()).isEmpty();
        assertThat(l.sectionFor(Step.SOCKET)).isEmpty();
    }

    @Test
    void everyProblemOfAFileIsReportedNotOnlyTheFirst() {
        LessonFile f = LessonFileParser.parse("bad.md", "bad", """
                ---
                id: Bad Id
                title: T
                order: 0
                level: expert
                ---
                ## s
                stage: NOPE
                """);
        assertThat(f.ok()).isFalse();
        assertThat(f.lesson()).isNull();
        assertThat(f.problems()).extracting(LessonProblem::line).containsExactly(2, 4, 5, 8);
    }
}
