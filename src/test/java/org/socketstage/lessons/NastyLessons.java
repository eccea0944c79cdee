package org.socketstage.lessons;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Lesson files made to hurt the app, for the loader's tests and the lesson pane's. */
public final class NastyLessons {

    private NastyLessons() {}

    /** Only catches a hang: each of these files takes well under a second, also on a loaded machine. */
    public static final Duration HANG = Duration.ofSeconds(10);

    public static final String GOOD = """
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

    static final String INDENT = "line starts with more than 100 columns of indentation, '>' and list markers";

    /** A file made to hurt, the line its problem names and the problem's message. */
    public record Nasty(String name, String fileName, Supplier<String> content, int line, String message) {

        public String text() {
            return content.get();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static final List<Nasty> ALL = List.of(
            new Nasty("10,000 nested quotes", "quotes-10000.md", () -> SECTION + ">".repeat(10_000) + " deep\n", 10,
                    INDENT),
            new Nasty("a 10,000-deep list", "list-10000.md", () -> SECTION + "- ".repeat(10_000) + "deep\n", 10,
                    INDENT),
            new Nasty("a list indented 60 levels deep", "list-indented-60.md", () -> SECTION + indentedList(60), 60,
                    INDENT + " (9 more lines like it)"),
            new Nasty("5,000 nested emphasis", "emphasis-5000.md",
                    () -> SECTION + "*".repeat(5_000) + "x" + "*".repeat(5_000) + "\n", 10, MARKS),
            new Nasty("emphasis in 2,500 alternating levels over short lines", "emphasis-2500-lines.md",
                    () -> SECTION + lines("*a _", 2_500) + "x\n" + lines("_ a*", 2_500), 10, MARKS),
            new Nasty("a heading with 100,000 spaces", "heading-spaces.md",
                    () -> HEADER + "## a" + " ".repeat(100_000) + "b\nText.\n", 7,
                    "line is 100,005 characters long; lines may be at most 5,000 characters"),
            new Nasty("a quiz choice with 150,000 spaces and no Why", "quiz-spaces.md",
                    () -> SECTION + "Text.\n\n### Quiz: Q?\n- [x] a" + " ".repeat(150_000) + "b\n- [ ] c\n  Why: no.\n", 13,
                    "line is 150,008 characters long; lines may be at most 5,000 characters"),
            new Nasty("50,000 '<a ' on one line", "html-a-line.md", () -> SECTION + "<a ".repeat(50_000) + "\n", 10,
                    "line is 150,000 characters long; lines may be at most 5,000 characters"),
            new Nasty("50,000 '<a ' lines in one paragraph", "html-a-paragraph.md", () -> SECTION + "<a \n".repeat(50_000),
                    10, "more than 20,000 characters without a blank line; put blank lines between paragraphs, lists "
                            + "and tables"),
            new Nasty("quotes nested 11 deep", "quotes-11.md", () -> SECTION + "> ".repeat(11) + "deep\n", 10,
                    "quotes and lists nested more than 10 levels deep; the lesson pane shows at most 10"),
            new Nasty("a list nested 11 deep", "list-11.md", () -> SECTION + indentedList(11), 20,
                    "quotes and lists nested more than 10 levels deep; the lesson pane shows at most 10"),
            new Nasty("emphasis nested 11 deep", "emphasis-11.md",
                    () -> SECTION + "*a _".repeat(6) + "x" + "_ a*".repeat(6) + "\n", 10,
                    "emphasis and links nested more than 10 levels deep (*, **, _, [ ]); the lesson pane shows at most 10"),
            new Nasty("21,000 code spans", "code-spans.md", () -> SECTION + ("`a` ".repeat(1_200) + "\n\n").repeat(9), 0,
                    "21,613 Markdown elements (paragraphs, list items, words between marks, links, ...); a file may "
                            + "have at most 20,000: split it into several files"),
            new Nasty("20,000 blank lines", "blank-lines.md", () -> SECTION + "Text.\n" + "\n".repeat(20_000), 0,
                    "the file has 20,011 lines; a lesson file may have at most 10,000: split it into several files"),
            new Nasty("21,000 emphasis marks", "marks.md", () -> SECTION + ("*a ".repeat(300) + "\n\n").repeat(70), 142,
                    "more than 20,000 of the emphasis and link marks *, _ and [ in the file by this line; split it into "
                            + "several files"),
            new Nasty("4,900 bad header lines", "bad-header.md", () -> "---\n" + "not a setting\n\n".repeat(4_900) + "---\n",
                    0, "and 4,885 more problems in this file"));

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


    /**
     * Writes the good lesson, every nasty file and a sparse 3 GB file into a folder (no disk space is used for
     * the 3 GB).
     */
    public static void writeFolder(Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.md"), GOOD);
        for (Nasty n : ALL) {
            Files.writeString(dir.resolve(n.fileName()), n.text());
        }
        try (RandomAccessFile sparse = new RandomAccessFile(dir.resolve("huge.md").toFile(), "rw")) {
            sparse.setLength(3L << 30);
        }
    }
}
