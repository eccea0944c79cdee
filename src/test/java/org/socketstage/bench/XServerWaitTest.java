package org.socketstage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XServerWaitTest {

    @Test
    void findsTheXServerOfTheScreenByItsArguments() {
        assertThat(XServerWait.servesScreen("Xvfb\0:74\0-screen\0000\0001280x800x24\0-nolisten\0tcp\0", ":74")).isTrue();
        assertThat(XServerWait.servesScreen("/usr/lib/xorg/Xorg\0-core\0:0\0-seat\0seat0\0", ":0")).isTrue();
        assertThat(XServerWait.servesScreen("Xvfb\0:75\0-screen\0000\0001920x1080x24\0", ":74")).isFalse();
        assertThat(XServerWait.servesScreen("xdotool\0:74\0", ":74")).as("not an X server").isFalse();
        assertThat(XServerWait.servesScreen(":74\0", ":74")).as("the screen is no program").isFalse();
        assertThat(XServerWait.servesScreen("", ":74")).as("a kernel thread").isFalse();
    }

    @Test
    void aDisplayThatIsNotLocalHasNoServerToWatch() {
        assertThat(XServerWait.of(null)).isEmpty();
        assertThat(XServerWait.of("localhost:10.0")).isEmpty();
    }
}
