package org.socketstage.ui.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ListResourceBundle;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class UiTextTest {

    /** Like the main window's lenient wrapper: made in code, so it has no locale of its own. */
    private static final ResourceBundle MADE_IN_CODE = new ListResourceBundle() {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {{"client.count", "{0} of {1} clients"}};
        }
    };

    @Test
    void formatsWithABundleThatHasNoLocale() {
        assertThat(MADE_IN_CODE.getLocale()).isNull();
        assertThat(new UiText(MADE_IN_CODE).format("client.count", 3, 32)).isEqualTo("3 of 32 clients");
    }

    @Test
    void aMissingKeyShowsItselfInsteadOfFailing() {
        UiText text = new UiText(MADE_IN_CODE);
        assertThat(text.get("client.nope")).isEqualTo("!client.nope!");
        assertThat(text.format("client.nope", 1)).isEqualTo("!client.nope!");
    }

    @Test
    void everyClientKeyInTheBundleIsUsableAndNoneIsMissing() {
        UiText text = UiText.load();
        for (String key : new String[] {"client.add", "client.state.ACCEPTED", "client.detail.synSent",
                "client.note.UNANSWERED_QUEUE_FULL", "client.diagram.schematic"}) {
            assertThat(text.get(key)).doesNotStartWith("!");
        }
        for (org.socketstage.client.ClientState s : org.socketstage.client.ClientState.values()) {
            assertThat(text.get("client.state." + s.name())).as(s.name()).doesNotStartWith("!");
        }
        for (org.socketstage.client.Segment.Kind k : org.socketstage.client.Segment.Kind.values()) {
            assertThat(text.get("client.segment." + k.name())).as(k.name()).doesNotStartWith("!");
        }
        for (org.socketstage.client.Segment.Note n : org.socketstage.client.Segment.Note.values()) {
            if (n != org.socketstage.client.Segment.Note.NONE) {
                assertThat(text.get("client.note." + n.name())).as(n.name()).doesNotStartWith("!");
            }
        }
        assertThat(text.format("client.detail.accepted", 5)).isEqualTo(
                "The server's accept() returned descriptor 5 for this client: the server now talks to it.");
    }
}
