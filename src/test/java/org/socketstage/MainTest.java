package org.socketstage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.instructor.ScenarioCatalog;
import org.socketstage.trace.CapturedText;

/** The options that print and exit before any window opens. */
class MainTest {

    private final CapturedText out = new CapturedText();
    private final CapturedText err = new CapturedText();

    @Test
    void listScenariosPrintsEveryNameAndExitsZero() {
        assertThat(Main.handleWithoutWindow(new String[] {"--list-scenarios"}, out.stream, err.stream)).hasValue(0);
        assertThat(out.text().lines()).containsExactlyElementsOf(ScenarioCatalog.names());
        assertThat(ScenarioCatalog.names()).hasSize(13).contains("backlog-demo", "time-wait", "emfile");
    }

    @Test
    void anUnknownScenarioExitsTwoAndListsTheValidOnes() {
        assertThat(Main.handleWithoutWindow(new String[] {"--scenario", "nope"}, out.stream, err.stream)).hasValue(2);
        assertThat(err.text()).contains("port-in-use").contains("any-errno");
    }

    @Test
    void aKnownScenarioOpensTheWindow() {
        assertThat(Main.handleWithoutWindow(new String[] {"--scenario", "time-wait", "--autostart"}, out.stream, err.stream)).isEmpty();
    }

    @Test
    void checkLessonsSaysWhatIsWrongAndExitsOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.md"), "no header here\n");
        assertThat(Main.handleWithoutWindow(new String[] {"--check-lessons", dir.toString()}, out.stream, err.stream)).hasValue(1);
        assertThat(out.text()).contains("broken.md");
    }

    @Test
    void checkLessonsOnTheShippedLessonsExitsZero() {
        Path shipped = Path.of("lessons");
        assertThat(Main.handleWithoutWindow(new String[] {"--check-lessons", shipped.toString()}, out.stream, err.stream)).hasValue(0);
        assertThat(out.text()).contains("lessons").contains("no problems");
    }

    @Test
    void versionPrintsTheVersionAndTheRevisionAlsoInTheTraceMode() {
        assertThat(Main.printVersion(new String[] {"--no-gui", "--version"}, out.stream)).isTrue();
        assertThat(out.text().strip()).isEqualTo(BuildInfo.current().versionLine()).startsWith("SocketStage ");
        assertThat(Main.printVersion(new String[] {"--no-gui"}, out.stream)).isFalse();
    }

    @Test
    void helpListsTheWindowsOptions() {
        assertThat(Main.handleWithoutWindow(new String[] {"--help"}, out.stream, err.stream)).hasValue(0);
        assertThat(out.text()).contains("--scenario").contains("--autostart").contains("--lessons").contains("--no-gui");
    }
}
