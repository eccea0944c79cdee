package org.socketstage.ui.schematic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The few characters of a payload the stage writes on an envelope. */
class ServerRulesPreviewTest {

    private static String preview(String text) {
        return ServerRules.preview(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void newlinesAndTabsAreEscapesAndOtherControlBytesADot() {
        assertThat(preview("hi\n")).isEqualTo("hi\\n");
        assertThat(preview("a\tb\r\n")).isEqualTo("a\\tb\\r\\n");
        assertThat(preview("\u0001x\u001b")).isEqualTo("·x·");
    }

    @Test
    void moreThanTwelveBytesAreCutWithAnEllipsis() {
        assertThat(preview("hello world!")).isEqualTo("hello world!");
        assertThat(preview("hello world!!")).isEqualTo("hello world!…");
    }

    @Test
    void aCharacterCutInTheMiddleOfItsBytesIsADot() {
        // "ééééééé" is 14 bytes: the twelfth byte starts the seventh é, whose second byte is cut off
        assertThat(preview("ééééééé")).isEqualTo("éééééé…");
        assertThat(preview("aéééééé")).isEqualTo("aééééé·…");
        assertThat(ServerRules.preview(new byte[0])).isEmpty();
        assertThat(ServerRules.preview(null)).isEmpty();
    }
}
