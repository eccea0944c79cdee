package org.socketstage.settings;

import java.io.PrintStream;
import picocli.CommandLine;

/** What every command of the app does with its command line: parse it, or say what was wrong and what is accepted. */
public final class OptionParsing {

    private OptionParsing() {}

    /**
     * Parses {@code args} into the object behind {@code cli}. On bad input writes "socketstage: " and picocli's
     * message (with {@code hint} after it in brackets, unless it is empty) and the accepted options to {@code err},
     * and returns false.
     */
    public static boolean parseOrExplain(CommandLine cli, String[] args, PrintStream err, String hint) {
        try {
            cli.parseArgs(args);
            return true;
        } catch (CommandLine.ParameterException e) {
            err.println("socketstage: " + e.getMessage() + (hint.isEmpty() ? "" : " (" + hint + ")"));
            err.println("Accepted options:");
            cli.usage(err);
            return false;
        }
    }
}
