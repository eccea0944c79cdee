package org.socketstage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.socket.SocketBackend;
import org.socketstage.trace.CapturedText;

class LaunchOptionsTest {

    private final CapturedText err = new CapturedText();

    @Test
    void nothingGivenIsTheRememberedSettingsUntouched() {
        LaunchOptions none = LaunchOptions.parse(new String[0], err.stream).orElseThrow();
        assertThat(none.server().ok()).isTrue();
        assertThat(none.server().warnings()).isEmpty();
        assertThat(none.server().settings().apply(org.socketstage.settings.ServerConfig.defaults()))
                .isEqualTo(org.socketstage.settings.ServerConfig.defaults());
        assertThat(none.anyServerSetting()).isFalse();
        assertThat(none.scenario()).isEmpty();
        assertThat(none.autostart()).isFalse();
        assertThat(none.present()).isFalse();
        assertThat(none.lessonsDir()).isEmpty();
        assertThat(none.program()).isEmpty();
        assertThat(none).usingRecursiveComparison().ignoringFields("checkedServer").isEqualTo(LaunchOptions.none());
        assertThat(err.text()).isEmpty();
    }

    @Test
    void aKnownScenarioWithAutostartIsAccepted() {
        LaunchOptions o = LaunchOptions.parse(new String[] {"--scenario", "backlog-demo", "--autostart"}, err.stream).orElseThrow();
        assertThat(o.scenario()).hasValue("backlog-demo");
        assertThat(o.autostart()).isTrue();
        assertThat(err.text()).isEmpty();
    }

    @Test
    void anUnknownScenarioIsRejectedWithTheValidNames() {
        assertThat(LaunchOptions.parse(new String[] {"--scenario", "chaos"}, err.stream)).isEmpty();
        assertThat(err.text()).contains("--scenario").contains("chaos").contains("port-in-use").contains("backlog-demo").contains("any-errno");
    }

    @Test
    void aLessonsFolderMustExist(@TempDir Path dir) {
        assertThat(LaunchOptions.parse(new String[] {"--lessons", dir.toString()}, err.stream)).isPresent();
        assertThat(LaunchOptions.parse(new String[] {"--lessons", dir.resolve("nope").toString()}, err.stream)).isEmpty();
        assertThat(err.text()).contains("--lessons:").contains("is not a folder");
    }

    @Test
    void anUnknownOptionListsTheAcceptedOnes() {
        assertThat(LaunchOptions.parse(new String[] {"--fullscreen-please"}, err.stream)).isEmpty();
        assertThat(err.text()).contains("Unknown option: '--fullscreen-please'").contains("--scenario").contains("--list-scenarios");
    }

    @Test
    void theBackendIsCheckedToo() {
        assertThat(LaunchOptions.parse(new String[] {"--backend", "jdk"}, err.stream).orElseThrow().backend()).hasValue(SocketBackend.JDK);
        assertThat(LaunchOptions.parse(new String[] {"--backend", "raw"}, err.stream)).isEmpty();
        assertThat(err.text()).contains("--backend: must be native or jdk");
    }

    @Test
    void aProgramToTraceComesAfterTheDoubleDashWithItsPortFolderAndSource(@TempDir Path dir) throws Exception {
        Path source = java.nio.file.Files.writeString(dir.resolve("echo_server.c"), "int main(void) { return 0; }\n");
        LaunchOptions o = LaunchOptions.parse(new String[] {"--program", "--port", "9191", "--dir", dir.toString(),
                "--source", source.toString(), "--", "./echo_server", "--port", "9191"}, err.stream).orElseThrow();
        var launch = o.program().orElseThrow();
        assertThat(launch.argv()).containsExactly("./echo_server", "--port", "9191");
        assertThat(launch.port()).hasValue(9191);
        assertThat(launch.folder()).isEqualTo(dir);
        assertThat(launch.source()).contains(source);
        assertThat(LaunchOptions.parse(new String[] {"--program", "--", "./s"}, err.stream).orElseThrow().program()
                .orElseThrow().port()).as("no --port: any port").isEmpty();
        assertThat(LaunchOptions.parse(new String[] {"--program", "--", "./s", "--port", "9191"}, err.stream).orElseThrow()
                .program().orElseThrow().port()).as("the program's own --port is not ours").isEmpty();
        assertThat(LaunchOptions.parse(new String[] {"--program", "--port=9292", "--", "./s"}, err.stream).orElseThrow()
                .program().orElseThrow().port()).hasValue(9292);
        assertThat(LaunchOptions.none().program()).isEmpty();
        assertThat(err.text()).isEmpty();
    }

    @Test
    void aProgramWithoutItsCommandOrACommandWithoutProgramIsRejected(@TempDir Path dir) {
        assertThat(LaunchOptions.parse(new String[] {"--program"}, err.stream)).isEmpty();
        assertThat(err.text()).contains("--program: give the program to trace after --");
        assertThat(LaunchOptions.parse(new String[] {"--", "./server"}, err.stream)).isEmpty();
        assertThat(err.text()).contains("./server: not an option").contains("--program");
        assertThat(LaunchOptions.parse(new String[] {"--program", "--source", dir.resolve("no.c").toString(), "--",
                "./s"}, err.stream)).isEmpty();
        assertThat(err.text()).contains("--source: cannot read");
    }
}
