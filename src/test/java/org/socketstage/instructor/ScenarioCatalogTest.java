package org.socketstage.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.ResourceBundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ScenarioCatalogTest {

    @Test
    void namesAreTheThirteenTheLessonsUseInThePanelsOrder() {
        assertThat(ScenarioCatalog.names()).containsExactly("port-in-use", "time-wait", "backlog-demo", "refused",
                "peer-reset", "peer-closes", "send-to-gone-peer", "partial-send", "unchecked-socket", "privileged-port",
                "address-not-here", "emfile", "any-errno");
    }

    @Test
    void lookupByNameFindsEachScenarioAndItsFault() {
        for (Fault f : Fault.values()) {
            assertThat(ScenarioCatalog.byName(f.scenarioName())).hasValueSatisfying(s -> {
                assertThat(s.fault()).isEqualTo(f);
                assertThat(s.name()).isEqualTo(f.scenarioName());
            });
            assertThat(f.newDemo().fault()).isEqualTo(f);
        }
    }

    @Test
    void anUnknownNameIsNotFoundAndTheMessageListsEveryValidName() {
        assertThat(ScenarioCatalog.byName("port-busy")).isEmpty();
        assertThat(ScenarioCatalog.byName("Port-In-Use")).as("names are exact").isEmpty();
        assertThat(ScenarioCatalog.byName(null)).isEmpty();
        assertThat(ScenarioCatalog.unknownNameMessage("port-busy")).isEqualTo("unknown scenario 'port-busy'; accepted: "
                + "port-in-use, time-wait, backlog-demo, refused, peer-reset, peer-closes, send-to-gone-peer, partial-send, "
                + "unchecked-socket, privileged-port, address-not-here, emfile, any-errno");
    }

    @Test
    void onlyEmfileAndAnyErrnoAreFullySimulated() {
        assertThat(Arrays.stream(Fault.values()).filter(f -> f.origin() == Origin.SIMULATED))
                .containsExactly(Fault.EMFILE, Fault.ANY_ERRNO);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void everyFaultHasACompleteCardInTheBundle(Fault fault) {
        FaultCard card = FaultCard.of(fault, ResourceBundle.getBundle("i18n.messages"));
        assertThat(card.title()).isNotBlank().doesNotContain("!");
        for (String part : new String[] {card.watchFor(), card.errno(), card.check(), card.recovery()}) {
            assertThat(part).isNotBlank().doesNotStartWith("!instructor.");
        }
        assertThat(card.check()).as("quotes the C check").containsAnyOf("== -1", "== 0", "accept(");
        assertThat(card.simulated()).isEqualTo(fault.origin() != Origin.REAL);
    }

    @Test
    void aMissingCardKeyShowsAsTheKeyInsteadOfFailing() {
        ResourceBundle empty = new java.util.ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[0][];
            }
        };
        assertThat(FaultCard.of(Fault.EMFILE, empty).title()).isEqualTo("!instructor.fault.emfile.title!");
    }
}
