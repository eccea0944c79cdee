package org.socketstage.ui;

import org.socketstage.ui.text.UiText;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class TextsTest {

    private final UiText texts = UiText.load();

    @Test
    void aMissingKeyShowsItselfInsteadOfFailing() {
        assertThat(texts.get("no.such.key")).isEqualTo("!no.such.key!");
        assertThat(texts.has("no.such.key")).isFalse();
    }

    @Test
    void placeholdersAreFilledAndApostrophesSurvive() {
        assertThat(texts.format("lane.result.fdPeer", 5, "127.0.0.1", 51234)).isEqualTo("fd = 5\n127.0.0.1 port 51234");
        assertThat(texts.get("sockets.queue.title")).contains("kernel's");
    }

    /** UiText.format is not MessageFormat: a doubled apostrophe would show doubled (it did, on the stage's details). */
    @Test
    void noTextDoublesItsApostrophes() throws Exception {
        java.util.Properties all = new java.util.Properties();
        try (var in = TextsTest.class.getResourceAsStream("/i18n/messages.properties")) {
            all.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(all.stringPropertyNames()).isNotEmpty()
                .allSatisfy(k -> assertThat(all.getProperty(k)).as(k).doesNotContain("''"));
        assertThat(texts.format("schematic.details.kernelEvidence", 7)).isEqualTo("the kernel's TCP table (event #7)");
    }

    @Test
    void fxmlWithAMissingKeyStillLoads() throws Exception {
        String fxml = "<?import javafx.scene.control.Label?><Label xmlns:fx=\"http://javafx.com/fxml/1\" text=\"%not.there\"/>";
        FXMLLoader loader = new FXMLLoader();
        loader.setResources(texts.bundle());
        Label label = loader.load(new ByteArrayInputStream(fxml.getBytes(StandardCharsets.UTF_8)));
        assertThat(label.getText()).isEqualTo("!not.there!");
    }

    @Test
    void everyKeyTheShellsFxmlUsesExists() throws Exception {
        Set<String> missing = new HashSet<>();
        Pattern key = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("fxml"))) {
            for (var f : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher m = key.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    if (!texts.has(m.group(1))) {
                        missing.add(f + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
