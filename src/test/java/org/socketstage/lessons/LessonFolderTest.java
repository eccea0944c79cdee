package org.socketstage.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.socketstage.lessons.NastyLessonFilesTest.GOOD;
import static org.socketstage.lessons.NastyLessonFilesTest.HANG;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a lessons folder may hold besides lesson files: links (followed only to files inside the folder), link
 * loops, named pipes, unreadable files and folders, and file names made to look like output. Each is reported
 * by name with a reason, and the good file beside it still loads.
 */
class LessonFolderTest {

    private static final String SECRET = "SECRET-CONTENT-OUTSIDE-THE-FOLDER";

    @TempDir
    Path tmp;

    private Path lessons() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("lessons"));
        Files.writeString(dir.resolve("a-good.md"), GOOD);
        return dir;
    }

    private static LessonLibrary load(Path dir) {
        return assertTimeoutPreemptively(HANG, () -> LessonLoader.loadDirectory(dir));
    }

    @Test
    void aLinkToAFileOutsideTheFolderIsNotFollowed() throws IOException {
        Path dir = lessons();
        Path outside = Files.writeString(tmp.resolve("outside.md"), "---\n" + SECRET + "\n---\n");
        Files.createSymbolicLink(dir.resolve("escape.md"), outside);
        Files.createSymbolicLink(dir.resolve("up.md"), Path.of("..", "outside.md"));

        LessonLibrary lib = load(dir);

        String reason = "is a link to a file outside this folder; links are followed only to files inside the "
                + "lessons folder";
        assertThat(lib.problems()).containsExactly(
                new LessonProblem(dir.resolve("escape.md").toString(), 0, reason),
                new LessonProblem(dir.resolve("up.md").toString(), 0, reason));
        assertThat(lib.lesson("good")).isPresent();
        assertThat(NastyLessonFilesTest.check(dir)).doesNotContain(SECRET);
    }

    @Test
    void aLinkToAFileInsideTheFolderIsFollowed() throws IOException {
        Path dir = lessons();
        Path kept = Files.createDirectories(dir.resolve("drafts"));
        Files.writeString(kept.resolve("other.txt"), GOOD.replace("id: good", "id: linked"));
        Files.createSymbolicLink(dir.resolve("linked.md"), Path.of("drafts", "other.txt"));

        LessonLibrary lib = load(dir);

        assertThat(lib.problems()).isEmpty();
        assertThat(lib.lesson("linked")).isPresent();
        assertThat(lib.lesson("good")).isPresent();
    }

    @Test
    void loopsDeadLinksAndFoldersNamedLikeLessons() throws IOException {
        Path dir = lessons();
        Files.createSymbolicLink(dir.resolve("loop-a.md"), Path.of("loop-b.md"));
        Files.createSymbolicLink(dir.resolve("loop-b.md"), Path.of("loop-a.md"));
        Files.createSymbolicLink(dir.resolve("dead.md"), Path.of("nowhere.md"));
        Files.createDirectories(dir.resolve("folder.md"));

        LessonLibrary lib = load(dir);

        assertThat(lib.problems()).containsExactly(
                new LessonProblem(dir.resolve("dead.md").toString(), 0, "is a link to a file that does not exist"),
                new LessonProblem(dir.resolve("loop-a.md").toString(), 0,
                        "is a link that leads round in a loop (too many levels of symbolic links)"),
                new LessonProblem(dir.resolve("loop-b.md").toString(), 0,
                        "is a link that leads round in a loop (too many levels of symbolic links)"));
        assertThat(lib.lesson("good")).isPresent();
    }

    @Test
    void aNamedPipeIsReportedNotOpened() throws Exception {
        Path dir = lessons();
        Path fifo = dir.resolve("pipe.md");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();

        LessonLibrary lib = load(dir);

        assertThat(lib.problems()).containsExactly(new LessonProblem(fifo.toString(), 0,
                "is a named pipe (FIFO), not a regular file; only regular files are read"));
        assertThat(lib.lesson("good")).isPresent();
    }

    @Test
    void aFileNameWithANewlineCannotForgeOutputLines() throws IOException {
        Path dir = lessons();
        String name = "x.md\nforged.md: 1 lesson; no problems\ny.md";
        Files.writeString(dir.resolve(name), "no header\u001b[2J here\n");

        List<String> lines = NastyLessonFilesTest.checkLines(dir);

        String shown = dir.resolve("x.md\\nforged.md: 1 lesson; no problems\\ny.md").toString();
        assertThat(lines).containsExactly(
                shown + ":1: missing header: a content file must start with a line '---', then 'key: value' lines "
                        + "(id, title, order, level), then another '---'",
                "1 problem in 1 file; SocketStage would skip it and load the rest (1 lesson, 1 section, 0 tasks, "
                        + "0 questions, 0 terms, 0 flashcards)");
    }

    @Test
    void whatAFileSaysIsQuotedWithoutItsControlCharacters() throws IOException {
        Path dir = lessons();
        Files.writeString(dir.resolve("b.md"), "---\nid: b\ntitle: B\nhere \u001b[31mred\u001b[0m\n---\n## s\nText.\n");

        assertThat(load(dir).problems()).extracting(LessonProblem::message)
                .contains("expected 'key: value' in the header, found 'here \\u001b[31mred\\u001b[0m'");
    }

    /** Running as root, permissions stop nothing here: the loader is handed a folder that refuses, as a real one would. */
    @Test
    void anUnreadableFileAndAnUnreadableFolderSayWhy() throws IOException {
        Path dir = lessons();
        Files.writeString(dir.resolve("locked.md"), GOOD.replace("id: good", "id: locked"));
        LessonLoader.FolderAccess refusesOneFile = new LessonLoader.FolderAccess() {
            @Override
            public List<Path> list(Path folder) throws IOException {
                return LessonLoader.FolderAccess.FILES.list(folder);
            }

            @Override
            public byte[] read(Path file, int limit) throws IOException {
                if (file.getFileName().toString().equals("locked.md")) {
                    throw new AccessDeniedException(file.toString());
                }
                return LessonLoader.FolderAccess.FILES.read(file, limit);
            }
        };
        LessonLibrary lib = LessonLoader.loadDirectory(dir, refusesOneFile);
        assertThat(lib.problems()).containsExactly(new LessonProblem(dir.resolve("locked.md").toString(), 0,
                "cannot read the file: permission denied"));
        assertThat(lib.lesson("good")).isPresent();

        LessonLoader.FolderAccess refusesTheFolder = new LessonLoader.FolderAccess() {
            @Override
            public List<Path> list(Path folder) throws IOException {
                throw new AccessDeniedException(folder.toString());
            }

            @Override
            public byte[] read(Path file, int limit) {
                throw new AssertionError("nothing is read from a folder that cannot be listed");
            }
        };
        assertThat(LessonLoader.loadDirectory(dir, refusesTheFolder).problems()).containsExactly(
                new LessonProblem(dir.toString(), 0, "cannot list the folder: permission denied"));
    }

    @Test
    void aFolderThatIsALinkLoopSaysSo() throws IOException {
        Path loop = tmp.resolve("loop");
        Files.createSymbolicLink(loop, Path.of("loop"));

        assertThat(load(loop).problems()).containsExactly(new LessonProblem(loop.toString(), 0,
                "cannot open the folder: its links lead round in a loop (too many levels of symbolic links)"));
    }
}
