package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.socket.Platform;
import org.socketstage.ui.RenderingChoice.Choice;

class RenderingChoiceTest {

    @TempDir
    Path dev;

    private Choice onLinux(Properties props) {
        return RenderingChoice.decide(Platform.LINUX, props, dev);
    }

    @Test
    void noGraphicsDeviceOnLinuxMeansTheSoftwareRenderer() throws IOException {
        Files.createDirectories(dev.resolve("pts"));
        Files.createFile(dev.resolve("null"));
        assertThat(onLinux(new Properties())).isEqualTo(Choice.SOFTWARE_NO_GPU);
    }

    @Test
    void anEmptyDriFolderIsNoDevice() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        assertThat(onLinux(new Properties())).isEqualTo(Choice.SOFTWARE_NO_GPU);
    }

    @Test
    void eachKindOfGpuDeviceLeavesTheChoiceToJavaFx() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));
        assertThat(onLinux(new Properties())).as("dri/renderD128").isEqualTo(Choice.JAVAFX_DEFAULT);

        for (String device : new String[] {"nvidiactl", "nvidia0", "dxg"}) {
            Path only = Files.createDirectory(dev.resolve("only-" + device));
            Files.createFile(only.resolve(device));
            assertThat(RenderingChoice.decide(Platform.LINUX, new Properties(), only))
                    .as(device).isEqualTo(Choice.JAVAFX_DEFAULT);
        }
    }

    @Test
    void aChoiceAlreadyMadeIsKept() {
        Properties order = new Properties();
        order.setProperty("prism.order", "es2");
        assertThat(onLinux(order)).isEqualTo(Choice.JAVAFX_DEFAULT);

        Properties headless = new Properties();
        headless.setProperty("glass.platform", "Monocle");
        assertThat(onLinux(headless)).isEqualTo(Choice.JAVAFX_DEFAULT);
    }

    @Test
    void otherSystemsAreLeftAlone() {
        assertThat(RenderingChoice.decide(Platform.MACOS, new Properties(), dev)).isEqualTo(Choice.JAVAFX_DEFAULT);
        assertThat(RenderingChoice.decide(Platform.OTHER, new Properties(), dev)).isEqualTo(Choice.JAVAFX_DEFAULT);
    }

    @Test
    void theSoftwareRendererRepaintsUpToFifteenAreasSeparatelyUnlessTheUserSaidOtherwise() {
        Properties props = new Properties();
        RenderingChoice.askForSoftware(props);
        assertThat(props.getProperty("prism.order")).isEqualTo("sw");
        assertThat(props.getProperty("prism.dirtyregioncount")).isEqualTo("15");

        Properties given = new Properties();
        given.setProperty("prism.dirtyregioncount", "4");
        RenderingChoice.askForSoftware(given);
        assertThat(given.getProperty("prism.dirtyregioncount")).isEqualTo("4");
    }

    @Test
    void inTheTestsJvmItChangesNothing() {
        // the tests run on Monocle with prism.order set: applying keeps both as they were
        String order = System.getProperty("prism.order");
        assertThat(RenderingChoice.applyBeforeToolkit()).isEqualTo(Choice.JAVAFX_DEFAULT);
        assertThat(System.getProperty("prism.order")).isEqualTo(order);
        assertThat(System.getProperty("prism.dirtyregioncount")).isNull();
        assertThat(RenderingChoice.current()).isEqualTo(Choice.JAVAFX_DEFAULT);
    }

    @Test
    void theProcessEnvironmentIsSetWhereNativeCodeReadsIt() {
        String name = "SOCKETSTAGE_RENDERING_TEST";
        assertThat(RenderingChoice.setInProcessEnvironment(name, "disable")).isTrue();
        assertThat(GLib.load().orElseThrow().g_getenv(name)).isEqualTo("disable");
        // Java's own view is the copy taken at start-up: that is why the app goes through GLib
        assertThat(System.getenv(name)).isNull();
    }
}
