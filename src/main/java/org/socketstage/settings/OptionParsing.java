package org.socketstage.settings;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * What every command of the app does with its command line: parse it (Apache Commons CLI), or say what was wrong
 * and what is accepted. Also what a usage text looks like.
 */
public final class OptionParsing {

    /** Columns of the usage text: a terminal's usual 80, as picocli's was. */
    static final int USAGE_WIDTH = 80;

    private OptionParsing() {}

    /**
     * Parses {@code args} by {@code syntax}. On bad input writes "socketstage: " and what was wrong (with
     * {@code hint} after it in brackets, unless it is empty) and the accepted options to {@code err}, and returns
     * empty. Refused: an unknown option, an option without its value, an option given twice that may be given
     * once, a value no path can be for a file option, and words after the options for a command that takes none.
     * Options are not abbreviated: {@code --po} is not {@code --port}.
     */
    public static Optional<GivenOptions> parseOrExplain(CommandSyntax syntax, String[] args, PrintStream err, String hint) {
        Optional<String> problem;
        CommandLine line = null;
        try {
            line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(syntax.options(), args);
            problem = problem(syntax, line);
        } catch (UnrecognizedOptionException e) {
            problem = Optional.of("Unknown option: '" + e.getOption() + "'");
        } catch (MissingArgumentException e) {
            Option o = e.getOption();
            problem = Optional.of("Missing value for option '--" + o.getLongOpt() + "' (" + o.getArgName() + ")");
        } catch (ParseException e) {
            problem = Optional.of(e.getMessage());
        }
        if (problem.isPresent()) {
            err.println("socketstage: " + problem.get() + (hint.isEmpty() ? "" : " (" + hint + ")"));
            err.println("Accepted options:");
            usage(syntax, err);
            return Optional.empty();
        }
        return Optional.of(new GivenOptions(line));
    }

    private static Optional<String> problem(CommandSyntax syntax, CommandLine line) {
        Map<String, Integer> times = new HashMap<>();
        for (Option o : line.getOptions()) {
            String name = o.getLongOpt();
            if (times.merge(name, 1, Integer::sum) == 2 && !syntax.isRepeatable(name)) {
                return Optional.of("Option '--" + name + "' may be given only once");
            }
        }
        for (String name : syntax.paths()) {
            String value = line.getOptionValue(name);
            if (value != null) {
                try {
                    Path.of(value);
                } catch (InvalidPathException e) {
                    return Optional.of("Invalid value for option '--" + name + "': not a file name (" + e.getReason() + ")");
                }
            }
        }
        List<String> rest = line.getArgList();
        if (syntax.operandsUsage() == null && !rest.isEmpty()) {
            return Optional.of("Unmatched argument: '" + rest.get(0) + "' (this command takes options only)");
        }
        return Optional.empty();
    }

    /**
     * A command line read by {@link #read}: the options to run with, or none when the command has nothing left to
     * do, having answered {@code --help} ({@code helped}) or explained bad input.
     */
    public record Read(GivenOptions options, boolean helped) {
        /** Whether the command runs with {@link #options()}; if not, it exits: 0 when helped, else bad input. */
        public boolean proceeds() {
            return options != null;
        }
    }

    /**
     * What each command does first: {@link #parseOrExplain parses} {@code args}, and answers {@code --help} with
     * the usage on {@code out}.
     */
    public static Read read(CommandSyntax syntax, String[] args, PrintStream out, PrintStream err, String hint) {
        Optional<GivenOptions> given = parseOrExplain(syntax, args, err, hint);
        if (given.isEmpty()) {
            return new Read(null, false);
        }
        if (given.get().helpRequested()) {
            usage(syntax, out);
            return new Read(null, true);
        }
        return new Read(given.get(), false);
    }

    /** The usage line, the description and every option with what it does, as {@code --help} prints them. */
    public static void usage(CommandSyntax syntax, PrintStream out) {
        HelpFormatter help = HelpFormatter.builder().get();
        help.setSyntaxPrefix("Usage: ");
        help.setOptionComparator(null); // in the order the command declares them
        help.setLongOptSeparator("=");
        String line = syntax.name() + " [OPTIONS]" + (syntax.operandsUsage() == null ? "" : " " + syntax.operandsUsage());
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text);
        help.printHelp(writer, USAGE_WIDTH, line, syntax.description(), syntax.options(), 2, 3, "", false);
        writer.flush();
        out.print(text); // in the stream's own encoding
        out.flush();
    }
}
