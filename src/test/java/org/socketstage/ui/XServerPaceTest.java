package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class XServerPaceTest {

    private static final String LOCAL = ":0";

    private static Properties props(String os, String glass, String order) {
        Properties p = new Properties();
        p.setProperty("os.name", os);
        if (glass != null) {
            p.setProperty("glass.platform", glass);
        }
        if (order != null) {
            p.setProperty("prism.order", order);
        }
        return p;
    }

    @Test
    void pacesTheSoftwareRendererOnGtk() {
        assertThat(XServerPace.applies(props("Linux", null, "sw"), LOCAL)).isTrue();
        assertThat(XServerPace.applies(props("Linux", "gtk", " SW , es2"), LOCAL)).isTrue();
    }

    @Test
    void leavesOpenGlAndJavaFxsOwnChoiceAlone() {
        assertThat(XServerPace.applies(props("Linux", null, null), LOCAL)).as("no choice made: OpenGL first").isFalse();
        assertThat(XServerPace.applies(props("Linux", null, "es2,sw"), LOCAL)).as("OpenGL first").isFalse();
        assertThat(XServerPace.applies(props("Linux", null, "swx"), LOCAL)).isFalse();
    }

    @Test
    void leavesHeadlessPlatformsAndOtherSystemsAlone() {
        assertThat(XServerPace.applies(props("Linux", "Monocle", "sw"), LOCAL)).as("the tests' Monocle").isFalse();
        assertThat(XServerPace.applies(props("Mac OS X", null, "sw"), LOCAL)).isFalse();
        assertThat(XServerPace.applies(props("Windows 11", null, "sw"), LOCAL)).isFalse();
    }

    @Test
    void canBeTurnedOffToMeasureWithout() {
        Properties off = props("Linux", null, "sw");
        off.setProperty(XServerPace.OFF, "off");
        assertThat(XServerPace.applies(off, LOCAL)).isFalse();
    }

    @Test
    void onlyAnXServerOnThisMachine() {
        Properties gtkSoftware = props("Linux", null, "sw");
        assertThat(XServerPace.applies(gtkSoftware, ":74")).isTrue();
        assertThat(XServerPace.applies(gtkSoftware, "unix:1.0")).isTrue();
        assertThat(XServerPace.applies(gtkSoftware, "localhost:10.0")).as("ssh -X").isFalse();
        assertThat(XServerPace.applies(gtkSoftware, "lab-pc.example.org:0")).isFalse();
        assertThat(XServerPace.applies(gtkSoftware, null)).as("no X server").isFalse();
    }

    @Test
    void theseTestsRunWithoutAnXServerAndAreNotPaced() {
        assertThat(XServerPace.applies(System.getProperties(), System.getenv("DISPLAY"))).isFalse();
    }
}
