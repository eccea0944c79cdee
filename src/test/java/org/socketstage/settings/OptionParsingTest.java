package org.socketstage.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OptionParsingTest {

    @CommandLine.Command(name = "demo")
    static final class Demo {
        @CommandLine.Option(names = "--port", paramLabel = "N", description = "A port.")
        Integer port;
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void goodOptionsAreParsedAndNothingIsSaid() {
        Demo demo = new Demo();
        assertThat(OptionParsing.parseOrExplain(new CommandLine(demo), new String[] {"--port", "9090"}, err, "")).isTrue();
        assertThat(demo.port).isEqualTo(9090);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void badOptionsSayWhatWasWrongWithTheHintAndWhatIsAccepted() {
        assertThat(OptionParsing.parseOrExplain(new CommandLine(new Demo()), new String[] {"--prot", "1"}, err,
                "a hint")).isFalse();
        String said = bytes.toString(StandardCharsets.UTF_8);
        assertThat(said).startsWith("socketstage: Unknown option").contains("(a hint)")
                .contains("Accepted options:").contains("--port=N");
    }
}
