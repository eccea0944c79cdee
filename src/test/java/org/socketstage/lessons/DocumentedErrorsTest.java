package org.socketstage.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed-file case in lessons/README.md gives exactly the error the README promises, and the
 * broken file is skipped while a good file next to it still loads. The cases are read from the README
 * itself, so the documentation cannot drift from the loader.
 */
class DocumentedErrorsTest {

    record Case(String title, String file, String error) {
        @Override
        public String toString() {
            return title;
        }
    }

    private static final String GOOD = """
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

    static Stream<Case> documentedCases() throws IOException {
        String readme = Files.readString(Path.of("lessons/README.md"));
        String part = readme.substring(readme.indexOf("## Malformed files"));
        Pattern p = Pattern.compile("\\n### ([^\\n]+)\\n.*?```text\\n(.*?)```\\s*\\nError: `([^`]+)`", Pattern.DOTALL);
        Matcher m = p.matcher(part);
        List<Case> cases = new ArrayList<>();
        while (m.find()) {
            cases.add(new Case(m.group(1), m.group(2), m.group(3)));
        }
        assertThat(cases).as("cases found in README").hasSizeGreaterThanOrEqualTo(30);
        int headings = 0;
        boolean inFence = false;
        for (String line : part.split("\n")) {
            if (line.startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence && line.startsWith("### ")) {
                headings++;
            }
        }
        assertThat(headings).as("every case has a text block and an Error line").isEqualTo(cases.size());
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedCases")
    void givesItsDocumentedErrorAndIsSkippedWhileTheGoodFileLoads(Case c, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.md"), GOOD);
        Files.writeString(dir.resolve("broken.md"), c.file());

        LessonLibrary lib = LessonLoader.loadDirectory(dir);

        List<String> shown = lib.problems().stream()
                .map(pr -> Path.of(pr.file()).getFileName() + ":" + pr.line() + ": " + pr.message()).toList();
        if (c.error().endsWith("…")) {
            String prefix = c.error().substring(0, c.error().length() - 1);
            assertThat(shown).anySatisfy(s -> assertThat(s).startsWith(prefix));
        } else {
            assertThat(shown).contains(c.error());
        }
        assertThat(lib.skippedFiles()).containsExactly(dir.resolve("broken.md").toString());
        assertThat(lib.lesson("good")).isPresent();
        assertThat(lib.problems()).allSatisfy(pr -> assertThat(pr.file()).endsWith("broken.md"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(LessonCheck.run(dir, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("broken.md:").contains("1 file");
    }
}
