package org.socketstage.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.event.Step;

class LessonLoaderTest {

    private static final String EXTRA = """
            ---
            id: my-extra
            title: An instructor's own lesson
            order: 50
            level: advanced
            ---
            ## Our own accept
            stage: ACCEPT

            Our course says it like this.

            ### Try it: Accept twice
            goal: count call accept succeeds >= 2

            Connect two clients.

            ### Quiz: Which call blocks for a client?
            - [x] accept()
              Why: It waits for the queue.
            - [ ] bind()
              Why: It returns at once.
            """;

    private static final String GLOSSARY = """
            ---
            id: my-glossary
            title: Our terms
            kind: glossary
            ---
            ## backlog
            Our own definition.

            ## dojo
            Where we practise.
            """;

    @Test
    void anInstructorsFolderIsAddedAndReplacesTermsWithTheSameName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("50-extra.md"), EXTRA);
        Files.writeString(dir.resolve("glossary.md"), GLOSSARY);
        Files.writeString(dir.resolve("README.md"), "not a lesson, not read");
        Files.writeString(dir.resolve("notes.txt"), "ignored");

        LessonLibrary builtIn = LessonLoader.loadBuiltIn();
        LessonLibrary merged = LessonLoader.loadBuiltInAnd(dir);

        assertThat(merged.problems()).isEmpty();
        assertThat(merged.lessons()).hasSize(builtIn.lessons().size() + 1);
        assertThat(merged.lessons().get(merged.lessons().size() - 1).id()).isEqualTo("my-extra");
        assertThat(merged.term("backlog").orElseThrow().definition()).isEqualTo("Our own definition.");
        assertThat(merged.term("dojo")).isPresent();
        assertThat(merged.glossary()).hasSize(builtIn.glossary().size() + 1);
        assertThat(merged.sectionsFor(Step.ACCEPT)).extracting(LessonSection::title).contains("Our own accept");
        assertThat(merged.questions()).hasSize(builtIn.questions().size() + 1);
    }

    @Test
    void anInstructorsLessonWithABuiltInIdReplacesIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("mine.md"), EXTRA.replace("id: my-extra", "id: lifecycle"));
        LessonLibrary merged = LessonLoader.loadBuiltInAnd(dir);
        assertThat(merged.lesson("lifecycle").orElseThrow().title()).isEqualTo("An instructor's own lesson");
        assertThat(merged.lessons()).hasSize(LessonLoader.loadBuiltIn().lessons().size());
    }

    @Test
    void aBrokenInstructorFileIsSkippedAndTheBuiltInLessonsStillLoad(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.md"), EXTRA.replace("stage: ACCEPT", "stage: ACEPT"));
        LessonLibrary merged = LessonLoader.loadBuiltInAnd(dir);
        assertThat(merged.lessons()).hasSize(LessonLoader.loadBuiltIn().lessons().size());
        assertThat(merged.problems()).singleElement().hasToString(dir.resolve("bad.md")
                + ":8: unknown stage 'ACEPT'; accepted stages: SOCKET, SETSOCKOPT, SOCKADDR, BIND, LISTEN, ACCEPT, "
                + "RECV, SEND, CLOSE_CLIENT, CLOSE_LISTENER");
        assertThat(merged.skippedFiles()).containsExactly(dir.resolve("bad.md").toString());
    }

    @Test
    void aFileThatIsNotUtf8IsReported(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("latin1.md"), "---\nid: x\ntitle: Caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1));
        LessonLibrary lib = LessonLoader.loadDirectory(dir);
        assertThat(lib.problems()).singleElement()
                .hasToString(dir.resolve("latin1.md") + ": the file is not UTF-8 text; save it as UTF-8");
    }

    @Test
    void aMissingFolderIsReportedNotThrown(@TempDir Path dir) {
        Path nowhere = dir.resolve("nowhere");
        LessonLibrary lib = LessonLoader.loadDirectory(nowhere);
        assertThat(lib.problems()).singleElement()
                .hasToString(nowhere + ": no such folder: expected a folder of lesson files (*.md)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(LessonCheck.run(nowhere, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no such folder");
    }

    @Test
    void checkingAGoodFolderPrintsTheSummaryAndReturnsZero(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("50-extra.md"), EXTRA);
        Files.writeString(dir.resolve("glossary.md"), GLOSSARY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = LessonCheck.run(dir, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(
                dir + ": 1 lesson, 1 section, 1 task, 1 question, 2 terms, 0 flashcards; no problems");
    }

    @Test
    void checkingTheShippedFolderSucceeds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(LessonCheck.run(Path.of("lessons"), new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("11 lessons").contains("no problems");
    }

    @Test
    void anEmptyFolderIsNotAValidLessonFolder(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(LessonCheck.run(dir, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no lesson files found");
    }

    @Test
    void builtInLessonsLoadFromInsideAJar(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("lessons.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os);
                Stream<Path> files = Files.list(Path.of("lessons"))) {
            jos.putNextEntry(new JarEntry("lessons/"));
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                jos.putNextEntry(new JarEntry("lessons/" + p.getFileName()));
                jos.write(Files.readAllBytes(p));
                jos.closeEntry();
            }
        }
        try (URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(cl.getResource(LessonLoader.MARKER).getProtocol()).isEqualTo("jar");
            LessonLibrary fromJar = LessonLoader.loadBuiltIn(cl);
            LessonLibrary fromFolder = LessonLoader.loadDirectory(Path.of("lessons"));
            assertThat(fromJar.problems()).isEmpty();
            assertThat(fromJar.summary()).isEqualTo(fromFolder.summary());
            assertThat(fromJar.lessons()).extracting(Lesson::source).allMatch(s -> s.startsWith("classpath:lessons/"));
        }
    }

    @Test
    void aClassPathWithoutLessonsFailsFastNamingThePath() throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> LessonLoader.loadBuiltIn(empty))
                    .hasMessageContaining("Resource not found: lessons/README.md");
        }
    }
}
