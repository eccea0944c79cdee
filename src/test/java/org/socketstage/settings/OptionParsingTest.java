package org.socketstage.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionParsingTest {

    private static final CommandSyntax DEMO = new CommandSyntax("demo", "A demonstration.")
            .value("port", "N", "A port.")
            .flag("quiet", "Say less.")
            .repeatable("inject", "CALL=ERRNO", "A fault.")
            .path("dir", "DIR", "A folder.");

    private static final CommandSyntax WITH_OPERANDS = new CommandSyntax("demo", "With a program.")
            .value("port", "N", "A port.")
            .operands("-- CMD [ARGS...]");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private Optional<GivenOptions> parse(CommandSyntax syntax, String... args) {
        return OptionParsing.parseOrExplain(syntax, args, err, "a hint");
    }

    private String said() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String usageOf(CommandSyntax syntax) {
        ByteArrayOutputStream usage = new ByteArrayOutputStream();
        OptionParsing.usage(syntax, new PrintStream(usage, true, StandardCharsets.UTF_8));
        return usage.toString(StandardCharsets.UTF_8);
    }

    @Test
    void goodOptionsAreParsedAndNothingIsSaid() {
        GivenOptions given = parse(DEMO, "--port", "9090", "--quiet", "--inject", "a=1", "--inject=b=2").orElseThrow();
        assertThat(given.text("port")).isEqualTo("9090");
        assertThat(given.flag("quiet")).isTrue();
        assertThat(given.texts("inject")).containsExactly("a=1", "b=2");
        assertThat(given.text("dir")).isNull();
        assertThat(given.path("dir")).isNull();
        assertThat(given.helpRequested()).isFalse();
        assertThat(said()).isEmpty();
    }

    @Test
    void nothingGivenIsNoProblem() {
        GivenOptions given = parse(DEMO).orElseThrow();
        assertThat(given.text("port")).isNull();
        assertThat(given.flag("quiet")).isFalse();
        assertThat(given.texts("inject")).isEmpty();
        assertThat(given.operands()).isEmpty();
    }

    @Test
    void badOptionsSayWhatWasWrongWithTheHintAndWhatIsAccepted() {
        assertThat(parse(DEMO, "--prot", "1")).isEmpty();
        assertThat(said()).startsWith("socketstage: Unknown option: '--prot' (a hint)")
                .contains("Accepted options:").contains("--port=<N>").contains("Usage: demo [OPTIONS]");
    }

    @Test
    void anOptionIsNotAbbreviated() {
        assertThat(parse(DEMO, "--po", "1")).isEmpty();
        assertThat(said()).startsWith("socketstage: Unknown option: '--po'");
    }

    @Test
    void anOptionWithoutItsValueIsNamed() {
        assertThat(parse(DEMO, "--port")).isEmpty();
        assertThat(said()).startsWith("socketstage: Missing value for option '--port' (N) (a hint)");
    }

    @Test
    void anOptionGivenTwiceIsRefusedUnlessRepeatable() {
        assertThat(parse(DEMO, "--port", "1", "--port", "2")).isEmpty();
        assertThat(said()).startsWith("socketstage: Option '--port' may be given only once");
        assertThat(parse(DEMO, "--inject", "a=1", "--inject", "b=2")).isPresent();
    }

    @Test
    void wordsAfterTheOptionsAreRefusedByACommandThatTakesNone() {
        assertThat(parse(DEMO, "--quiet", "extra")).isEmpty();
        assertThat(said()).startsWith("socketstage: Unmatched argument: 'extra' (this command takes options only)");
    }

    @Test
    void everythingAfterTheDoubleDashIsAnOperandEvenWhatLooksLikeAnOption() {
        GivenOptions given = parse(WITH_OPERANDS, "--port", "1", "--", "./server", "--port", "2").orElseThrow();
        assertThat(given.text("port")).isEqualTo("1");
        assertThat(given.operands()).containsExactly("./server", "--port", "2");
    }

    @Test
    void aValueThatCannotBeAPathIsRefused() {
        assertThat(parse(DEMO, "--dir", "a\0b")).isEmpty();
        assertThat(said()).startsWith("socketstage: Invalid value for option '--dir': not a file name");
    }

    @Test
    void aNegativeNumberIsAValueForTheRulesToJudge() {
        assertThat(parse(DEMO, "--port", "-1").orElseThrow().text("port")).isEqualTo("-1");
    }

    @Test
    void helpAndVersionAreEveryCommands() {
        assertThat(parse(DEMO, "--help").orElseThrow().helpRequested()).isTrue();
        assertThat(parse(DEMO, "-h").orElseThrow().helpRequested()).isTrue();
        assertThat(parse(DEMO, "-V")).isPresent();
        assertThat(usageOf(WITH_OPERANDS)).startsWith("Usage: demo [OPTIONS] -- CMD [ARGS...]")
                .contains("With a program.").contains("-h,--help").contains("-V,--version").contains("--port=<N>");
    }

    @Test
    void theUsageFitsAnEightyColumnTerminal() {
        CommandSyntax wordy = new CommandSyntax("socketstage --no-gui", "A description long enough to need"
                + " wrapping on any terminal, with several more words after the eightieth column.")
                .value("max-connections", "N", "Connections served at once, 1 to 1024 (threaded mode), a"
                        + " description that goes on well past the end of one line of a terminal. Default 128.");
        assertThat(usageOf(wordy).lines())
                .hasSizeGreaterThan(6).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void readingAnswersHelpOnOutAndTellsTheCommandWhetherToRun() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);

        OptionParsing.Read help = OptionParsing.read(DEMO, new String[] {"--help"}, outStream, err, "");
        assertThat(help.proceeds()).isFalse();
        assertThat(help.helped()).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(usageOf(DEMO));
        assertThat(said()).isEmpty();

        OptionParsing.Read bad = OptionParsing.read(DEMO, new String[] {"--nope"}, outStream, err, "");
        assertThat(bad.proceeds()).isFalse();
        assertThat(bad.helped()).isFalse();
        assertThat(said()).startsWith("socketstage: Unknown option: '--nope'");

        OptionParsing.Read good = OptionParsing.read(DEMO, new String[] {"--port", "7"}, outStream, err, "");
        assertThat(good.proceeds()).isTrue();
        assertThat(good.options().text("port")).isEqualTo("7");
    }
}
