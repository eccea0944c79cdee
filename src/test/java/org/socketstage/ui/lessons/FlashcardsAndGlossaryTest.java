package org.socketstage.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketstage.lessons.Flashcard;
import org.socketstage.lessons.GlossaryTerm;
import org.socketstage.lessons.LessonLoader;

class FlashcardsAndGlossaryTest {

    private static final List<Flashcard> CARDS = List.of(
            new Flashcard("one?", "1", "t"), new Flashcard("two?", "2", "t"), new Flashcard("three?", "3", "t"));

    @Test
    void cardsFlipAndTurnOverInBothDirections() {
        FlashcardDeck deck = new FlashcardDeck(CARDS);
        assertThat(deck.current().get().front()).isEqualTo("one?");
        assertThat(deck.flippedProperty().get()).isFalse();
        deck.flip();
        assertThat(deck.flippedProperty().get()).isTrue();
        deck.next();
        assertThat(deck.current().get().front()).isEqualTo("two?");
        assertThat(deck.flippedProperty().get()).as("a new card shows its question").isFalse();
        deck.previous();
        deck.previous();
        assertThat(deck.current().get().front()).as("previous wraps to the last").isEqualTo("three?");
        deck.next();
        assertThat(deck.indexProperty().get()).isZero();
    }

    @Test
    void anEmptyDeckDoesNothing() {
        FlashcardDeck deck = new FlashcardDeck(List.of());
        deck.next();
        deck.flip();
        assertThat(deck.current().get()).isNull();
        assertThat(deck.flippedProperty().get()).isFalse();
    }

    @Test
    void theShippedCardsAreAllThere() {
        assertThat(new FlashcardDeck(LessonLoader.loadBuiltIn().flashcards()).size()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void theGlossaryFiltersAsYouTypeNameMatchesFirst() {
        GlossarySearch g = new GlossarySearch(List.of(
                new GlossaryTerm("accept queue", "Finished connections waiting for accept().", "g"),
                new GlossaryTerm("backlog", "How long the accept queue may get.", "g"),
                new GlossaryTerm("bind()", "Gives a socket its address.", "g"),
                new GlossaryTerm("queue overflow", "When the queue is full.", "g")));
        assertThat(g.matches()).hasSize(4);
        g.queryProperty().set("QUEUE");
        // a name that begins with the query, then one that contains it, then a definition that does
        assertThat(g.matches()).extracting(GlossaryTerm::term).containsExactly("queue overflow", "accept queue", "backlog");
        // the term shown before typing still matches, so it stays shown
        assertThat(g.selectedProperty().get().term()).isEqualTo("accept queue");
        g.queryProperty().set("bind");
        assertThat(g.matches()).extracting(GlossaryTerm::term).containsExactly("bind()");
        assertThat(g.selectedProperty().get().term()).isEqualTo("bind()");
        g.queryProperty().set("nothing like this");
        assertThat(g.matches()).isEmpty();
        assertThat(g.selectedProperty().get()).isNull();
        g.queryProperty().set("");
        assertThat(g.matches()).hasSize(4);
        assertThat(g.total()).isEqualTo(4);
    }

    @Test
    void spacesHyphensAndUnderscoresAreTheSameToTheSearch() {
        GlossarySearch g = new GlossarySearch(LessonLoader.loadBuiltIn().glossary());
        for (String query : List.of("time wait", "time-wait", "TIME_WAIT", "Time  Wait", "timewait", " time_wait ")) {
            g.queryProperty().set(query);
            assertThat(g.matches()).as(query).isNotEmpty();
            assertThat(g.matches().get(0).term()).as(query).isEqualTo("TIME_WAIT");
        }
        g.queryProperty().set("so reuseaddr");
        assertThat(g.matches().get(0).term()).isEqualTo("SO_REUSEADDR");
        g.queryProperty().set("three way handshake");
        assertThat(g.matches().get(0).term()).isEqualTo("three-way handshake");
    }

    @Test
    void smallTyposStillFindTheTermClosestFirst() {
        GlossarySearch g = new GlossarySearch(LessonLoader.loadBuiltIn().glossary());
        List<List<String>> typos = List.of(
                List.of("tiem wait", "TIME_WAIT"),
                List.of("backlgo", "backlog"),
                List.of("eaddrinus", "EADDRINUSE"),
                List.of("econnrefsued", "ECONNREFUSED"),
                List.of("sockadr_in", "sockaddr_in"),
                List.of("retransmt", "SYN retransmit"));
        for (List<String> t : typos) {
            g.queryProperty().set(t.get(0));
            assertThat(g.matches()).as(t.get(0)).isNotEmpty();
            assertThat(g.matches().get(0).term()).as(t.get(0)).isEqualTo(t.get(1));
        }
        g.queryProperty().set("bnd");
        assertThat(g.matches()).as("three letters must be right: too much is one typo from them").isEmpty();
        g.queryProperty().set("zqxwv");
        assertThat(g.matches()).isEmpty();
    }

    @Test
    void typosAreCountedAsLettersWrongMissingExtraOrSwapped() {
        assertThat(Typos.within("wait", "time wait", 0)).isZero();
        assertThat(Typos.within("wiat", "time wait", 1)).isEqualTo(1);
        assertThat(Typos.within("wat", "time wait", 1)).isEqualTo(1);
        assertThat(Typos.within("waait", "time wait", 1)).isEqualTo(1);
        assertThat(Typos.within("wXit", "time wait", 1)).isEqualTo(1);
        assertThat(Typos.within("wXXt", "time wait", 1)).isEqualTo(-1);
        assertThat(Typos.within("wXXt", "time wait", 2)).isEqualTo(2);
        assertThat(Typos.within("", "anything", 0)).isZero();
    }

    @Test
    void theShippedGlossaryFindsEaddrinuse() {
        GlossarySearch g = new GlossarySearch(LessonLoader.loadBuiltIn().glossary());
        g.queryProperty().set("eaddrinuse");
        assertThat(g.matches()).isNotEmpty();
        assertThat(g.matches().get(0).term()).isEqualToIgnoringCase("EADDRINUSE");
    }
}
