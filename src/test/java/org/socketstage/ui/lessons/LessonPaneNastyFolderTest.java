package org.socketstage.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.lessons.Lesson;
import org.socketstage.lessons.LessonLimits;
import org.socketstage.lessons.NastyLessons;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real pane given a folder of files made to hurt it, the way {@code --lessons DIR} gives it one: it lists
 * every problem, keeps working, and shows a lesson nested as deep as the checker allows.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class LessonPaneNastyFolderTest {

    /**
     * Only catches a hang: reloading rebuilds the open built-in lesson too, which alone took up to 5 s on a
     * shared 2-core machine under heavy load (the nasty files themselves take well under a second).
     */
    private static final Duration HANG = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private PaneHarness pane;

    @Start
    void start(Stage stage) throws IOException {
        pane = PaneHarness.show(stage, 560, 790);
    }

    private Path nastyFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("lessons"));
        NastyLessons.writeFolder(dir);
        Path outside = Files.writeString(tmp.resolve("outside.md"), "not to be read");
        Files.createSymbolicLink(dir.resolve("escape.md"), outside);
        Files.createSymbolicLink(dir.resolve("loop.md"), Path.of("loop.md"));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.md").toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
        Files.writeString(dir.resolve("x.md\nforged.md"), "no header\n");
        Files.writeString(dir.resolve("z-bad-header.md"), "---\n" + "not a setting\n".repeat(30) + "---\n");
        Files.writeString(dir.resolve("deepest.md"), "---\nid: deepest\ntitle: As deep as allowed\norder: 99\n"
                + "level: advanced\n---\n## Deep\n\n" + "> ".repeat(LessonLimits.MAX_NESTING) + "quoted\n\n"
                + "*a _".repeat(LessonLimits.MAX_NESTING / 2) + "x" + "_ a*".repeat(LessonLimits.MAX_NESTING / 2) + "\n");
        return dir;
    }

    @Test
    void listsEveryProblemAndKeepsWorking(FxRobot robot) throws Exception {
        Path dir = nastyFolder();

        assertTimeoutPreemptively(HANG, () -> robot.interact(() -> pane.view.setExtraLessonsDir(dir)));

        LessonPaneViewModel vm = pane.view.lessonViewModel();
        int skipped = NastyLessons.ALL.size() + 6;
        TitledPane problems = PaneHarness.lookup(pane.scene.getRoot(), "#lesson-problems", TitledPane.class);
        assertThat(problems.isVisible()).isTrue();
        assertThat(problems.getText()).contains("files skipped: " + skipped + ";");
        List<String> all = vm.problems().stream().map(Object::toString).toList();
        for (NastyLessons.Nasty n : NastyLessons.ALL) {
            assertThat(all).as(n.name()).anyMatch(t -> t.startsWith(dir.resolve(n.fileName()) + ":"));
        }
        assertThat(all).anyMatch(t -> t.startsWith(dir.resolve("huge.md") + ": the file is 3,221,225,472 bytes"))
                .anyMatch(t -> t.startsWith(dir.resolve("escape.md") + ": is a link to a file outside this folder"))
                .anyMatch(t -> t.startsWith(dir.resolve("loop.md") + ": is a link that leads round in a loop"))
                .anyMatch(t -> t.startsWith(dir.resolve("pipe.md") + ": is a named pipe (FIFO)"))
                .anyMatch(t -> t.startsWith(dir + "/x.md\\nforged.md:1: missing header"))
                .noneMatch(t -> t.contains("\n"));
        assertThat(all.size()).isGreaterThan(LessonPaneView.PROBLEMS_SHOWN);
        List<String> shown = robot.lookup(".lesson-problem").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(shown).hasSize(LessonPaneView.PROBLEMS_SHOWN + 1);
        assertThat(shown.subList(0, LessonPaneView.PROBLEMS_SHOWN)).isEqualTo(all.subList(0, LessonPaneView.PROBLEMS_SHOWN));
        assertThat(shown.get(LessonPaneView.PROBLEMS_SHOWN)).isEqualTo("… and " + (all.size() - LessonPaneView.PROBLEMS_SHOWN)
                + " more. --check-lessons FOLDER lists them all.");
        assertThat(vm.lessons()).extracting(Lesson::id).contains("lifecycle", "good", "deepest");
        robot.interact(() -> pane.snapshot("lesson-pane-nasty-folder"));

        robot.interact(() -> vm.selectedLessonProperty().set(vm.lessons().stream()
                .filter(l -> l.id().equals("deepest")).findFirst().orElseThrow()));
        long quotes = robot.lookup(".md-quote").queryAllAs(VBox.class).size();
        assertThat(quotes).isEqualTo(LessonLimits.MAX_NESTING);
        assertThat(robot.lookup(".md-em").queryAllAs(Text.class)).extracting(Text::getText).contains("x");
    }
}
