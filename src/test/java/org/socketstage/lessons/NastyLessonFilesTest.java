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

    static final Duration HANG = NastyLessons.HANG;
    static final String GOOD = NastyLessons.GOOD;
    static final String HEADER = NastyLessons.HEADER;

    static Stream<NastyLessons.Nasty> nastyFiles() {
        return NastyLessons.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nastyFiles")
    void isReportedQuicklyWhileTheGoodFileLoads(NastyLessons.Nasty nasty, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.md"), GOOD);
        Files.writeString(dir.resolve("nasty.md"), nasty.text());

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
