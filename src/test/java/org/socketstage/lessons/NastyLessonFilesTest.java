package org.socketstage.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lesson files made to hurt: each one is reported with its file and line, quickly, while a good file beside
 * it still loads. The time bound only catches a hang; the real figures are well under a second.
 */
class NastyLessonFilesTest {

    static final Duration HANG = Duration.ofSeconds(5);

    static final String GOOD = """
            ---
            id: good
            title: A good lesson
            order: 1
            level: beginner
            ---
            ## socket()
            stage: SOCKET

            Still here.
            """;

    static final String HEADER = "---\nid: nasty\ntitle: Nasty\norder: 2\nlevel: beginner\n---\n";
    static final String SECTION = HEADER + "## bind()\nstage: BIND\n\n";

    static final String MARKS = "more than 1,000 of the emphasis and link marks *, _ and [ without a blank line; put "
            + "blank lines between paragraphs";

    record Nasty(String name, Supplier<String> text, int line, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Nasty> nastyFiles() {
        return Stream.of(
                new Nasty("10,000 nested quotes", () -> SECTION + ">".repeat(10_000) + " deep\n", 10,
                        "line starts with more than 100 columns of indentation, '>' and list markers"),
                new Nasty("a 10,000-deep list", () -> SECTION + "- ".repeat(10_000) + "deep\n", 10,
                        "line starts with more than 100 columns of indentation, '>' and list markers"),
                new Nasty("a list indented 60 levels deep", () -> SECTION + indentedList(60), 60,
                        "line starts with more than 100 columns of indentation, '>' and list markers (9 more lines "
                                + "like it)"),
                new Nasty("5,000 nested emphasis", () -> SECTION + "*".repeat(5_000) + "x" + "*".repeat(5_000) + "\n",
                        10, MARKS),
                new Nasty("emphasis in 2,500 alternating levels over short lines",
                        () -> SECTION + lines("*a _", 2_500) + "x\n" + lines("_ a*", 2_500), 10,
                        MARKS),
                new Nasty("a heading with 100,000 spaces", () -> HEADER + "## a" + " ".repeat(100_000) + "b\nText.\n", 7,
                        "line is 100,005 characters long; lines may be at most 5,000 characters"),
                new Nasty("a quiz choice with 150,000 spaces and no Why", () -> SECTION + "Text.\n\n### Quiz: Q?\n"
                        + "- [x] a" + " ".repeat(150_000) + "b\n- [ ] c\n  Why: no.\n", 13,
                        "line is 150,008 characters long; lines may be at most 5,000 characters"),
                new Nasty("50,000 '<a ' on one line", () -> SECTION + "<a ".repeat(50_000) + "\n", 10,
                        "line is 150,000 characters long; lines may be at most 5,000 characters"),
                new Nasty("50,000 '<a ' lines in one paragraph", () -> SECTION + "<a \n".repeat(50_000), 10,
                        "more than 20,000 characters without a blank line; put blank lines between paragraphs, "
                                + "lists and tables"),
                new Nasty("quotes nested 11 deep", () -> SECTION + "> ".repeat(11) + "deep\n", 10,
                        "quotes and lists nested more than 10 levels deep; the lesson pane shows at most 10"),
                new Nasty("a list nested 11 deep", () -> SECTION + indentedList(11), 20,
                        "quotes and lists nested more than 10 levels deep; the lesson pane shows at most 10"),
                new Nasty("emphasis nested 11 deep", () -> SECTION + "*a _".repeat(6) + "x" + "_ a*".repeat(6) + "\n",
                        10, "emphasis and links nested more than 10 levels deep (*, **, _, [ ]); the lesson pane "
                                + "shows at most 10"),
                new Nasty("3,001 paragraphs", () -> SECTION + "word\n\n".repeat(3_001), 0,
                        "3,003 Markdown blocks (paragraphs, list items, table cells, ...); a file may have at most "
                                + "3,000: split it into several files"),
                new Nasty("30,000 bad header lines", () -> "---\n" + "not a setting\n\n".repeat(30_000) + "---\n", 0,
                        "and 29,985 more problems in this file"));
    }

    private static String indentedList(int levels) {
        StringBuilder sb = new StringBuilder();
        for (int level = 0; level < levels; level++) {
            sb.append("  ".repeat(level)).append("- level ").append(level).append('\n');
        }
        return sb.toString();
    }

    private static String lines(String unit, int times) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < times; i++) {
            sb.append(unit).append(i % 10 == 9 ? "\n" : "");
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nastyFiles")
    void isReportedQuicklyWhileTheGoodFileLoads(Nasty nasty, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.md"), GOOD);
        Files.writeString(dir.resolve("nasty.md"), nasty.text().get());

        LessonLibrary lib = assertTimeoutPreemptively(HANG, () -> LessonLoader.loadDirectory(dir));

        assertThat(lib.problems()).contains(new LessonProblem(dir.resolve("nasty.md").toString(), nasty.line(),
                nasty.message()));
        assertThat(lib.skippedFiles()).containsExactly(dir.resolve("nasty.md").toString());
        assertThat(lib.lesson("good")).isPresent();
        assertThat(lib.problems().size()).isLessThanOrEqualTo(LessonFileParser.MAX_PROBLEMS + 1);
    }

    @Test
    void filesJustWithinTheLimitsLoad(@TempDir Path dir) throws IOException {
        String longHeading = "## a" + " ".repeat(4_900) + "b\nstage: BIND\n\nText.\n\n";
        String spaceyChoice = "### Quiz: Spaces?\n- [x] a" + " ".repeat(4_900) + "b Why: yes.\n- [ ] c\n  Why: no.\n\n";
        String lessThans = ("<a ".repeat(1_600) + "\n\n").repeat(60);
        String deepest = "> ".repeat(10) + "ten quotes deep\n\n" + "*a _".repeat(5) + "x" + "_ a*".repeat(5) + "\n";
        Files.writeString(dir.resolve("edge.md"), HEADER + longHeading + lessThans + deepest + "\n" + spaceyChoice);

        LessonLibrary lib = assertTimeoutPreemptively(HANG, () -> LessonLoader.loadDirectory(dir));

        assertThat(lib.problems()).isEmpty();
        Lesson edge = lib.lesson("nasty").orElseThrow();
        assertThat(edge.sections()).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("a" + " ".repeat(4_900) + "b");
            assertThat(s.questions()).singleElement().satisfies(q -> {
                assertThat(q.choices().get(0).text()).isEqualTo("a" + " ".repeat(4_900) + "b");
                assertThat(q.choices().get(0).explanation()).isEqualTo("yes.");
            });
        });
    }

    @Test
    void aThreeGigabyteFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.md"), GOOD);
        Path huge = dir.resolve("huge.md");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(3L << 30);
        }
        Files.write(dir.resolve("just-over.md"), new byte[LessonLimits.MAX_FILE_BYTES + 1]);

        LessonLibrary lib = assertTimeoutPreemptively(HANG, () -> LessonLoader.loadDirectory(dir));

        assertThat(lib.problems()).containsExactly(
                new LessonProblem(huge.toString(), 0, "the file is 3,221,225,472 bytes; a lesson file may be at most "
                        + "1,048,576 bytes (1 MB): split it into several files"),
                new LessonProblem(dir.resolve("just-over.md").toString(), 0, "the file is 1,048,577 bytes; a lesson "
                        + "file may be at most 1,048,576 bytes (1 MB): split it into several files"));
        assertThat(lib.lesson("good")).isPresent();
        assertThat(check(dir)).contains("2 problems in 2 files; SocketStage would skip them and load the rest (1 lesson");
    }

    static String check(Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(LessonCheck.run(dir, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<String> checkLines(Path dir) {
        return check(dir).lines().toList();
    }
}
