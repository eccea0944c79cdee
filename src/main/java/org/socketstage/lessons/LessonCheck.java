package org.socketstage.lessons;

import java.io.PrintStream;
import java.nio.file.Path;

/** {@code --check-lessons DIR}: validates an author's folder and tells what is in it or what is wrong. */
public final class LessonCheck {

    private LessonCheck() {}

    /** Prints the summary and returns 0, or prints every problem and returns 1. */
    public static int run(Path dir, PrintStream out) {
        LessonLibrary lib = LessonLoader.loadDirectory(dir);
        String folder = LessonProblem.printable(dir.toString());
        if (lib.problems().isEmpty() && lib.lessons().isEmpty() && lib.glossary().isEmpty()
                && lib.flashcards().isEmpty()) {
            out.println(folder + ": no lesson files found (expected *.md files with a header; README.md and "
                    + "instructor-guide.md are not read)");
            return 1;
        }
        if (!lib.problems().isEmpty()) {
            lib.problems().forEach(out::println);
            int n = lib.problems().size();
            int skipped = lib.skippedFiles().size();
            String problems = n + (n == 1 ? " problem" : " problems");
            out.println(skipped == 0 ? problems
                    : problems + " in " + skipped + (skipped == 1 ? " file" : " files") + "; SocketStage would skip "
                            + (skipped == 1 ? "it" : "them") + " and load the rest (" + lib.summary() + ")");
            return 1;
        }
        out.println(folder + ": " + lib.summary() + "; no problems");
        return 0;
    }
}
