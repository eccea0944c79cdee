package org.socketstage.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandWordsTest {

    @Test
    void spacesSeparateAndQuotesKeepSpaces() {
        assertThat(CommandWords.split("  ./echo_server   9090 ")).containsExactly("./echo_server", "9090");
        assertThat(CommandWords.split("python3 'my server.py' \"a b\" c\\ d"))
                .containsExactly("python3", "my server.py", "a b", "c d");
        assertThat(CommandWords.split("prog '' \"\"")).containsExactly("prog", "", "");
        assertThat(CommandWords.split("prog \"say \\\"hi\\\"\"")).containsExactly("prog", "say \"hi\"");
    }

    @Test
    void nothingIsExpanded() {
        assertThat(CommandWords.split("prog $HOME * | cat")).containsExactly("prog", "$HOME", "*", "|", "cat");
    }

    @Test
    void badInputIsSaidPlainly() {
        assertThatThrownBy(() -> CommandWords.split("   ")).hasMessageContaining("give the program to run");
        assertThatThrownBy(() -> CommandWords.split("prog 'open")).hasMessage("a single quote is not closed");
        assertThatThrownBy(() -> CommandWords.split("prog \"open")).hasMessage("a double quote is not closed");
        assertThatThrownBy(() -> CommandWords.split("x".repeat(CommandWords.MAX_LENGTH + 1)))
                .hasMessageContaining("at most " + CommandWords.MAX_LENGTH);
        assertThatThrownBy(() -> CommandWords.split("a ".repeat(CommandWords.MAX_WORDS + 2)))
                .hasMessageContaining("more than " + CommandWords.MAX_WORDS + " words");
    }

    @Test
    void joinReadsBackToTheSameWords() {
        for (List<String> words : List.of(List.of("./echo_server", "9090"), List.of("python3", "my server.py"),
                List.of("it's", "\"q\"", "back\\slash", ""))) {
            assertThat(CommandWords.split(CommandWords.join(words))).as(words.toString()).isEqualTo(words);
        }
        assertThat(CommandWords.join(List.of("./echo_server", "9090"))).isEqualTo("./echo_server 9090");
    }
}
