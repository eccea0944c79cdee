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
}
