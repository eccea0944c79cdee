package org.socketstage.settings;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * One command's command line as its user sees it: the name and description its usage shows, its options (in the
 * order the usage lists them), which of them may be given more than once, which name a file or folder, and what
 * follows the options, if anything. Every command has {@code -h, --help} and {@code -V, --version}.
 */
public final class CommandSyntax {

    static final String HELP = "help";
    static final String VERSION = "version";

    private final String name;
    private final String description;
    private final Options options = new Options();
    private final Set<String> repeatable = new HashSet<>();
    private final Set<String> paths = new HashSet<>();
    private String operands;

    public CommandSyntax(String name, String description) {
        this.name = name;
        this.description = description;
        options.addOption(Option.builder("h").longOpt(HELP).desc("Show this help message and exit.").get());
        options.addOption(Option.builder("V").longOpt(VERSION).desc("Print version information and exit.").get());
    }

    /** An option that takes no value: given or not. */
    public CommandSyntax flag(String longName, String description) {
        options.addOption(Option.builder().longOpt(longName).desc(description).get());
        return this;
    }

    /** An option with one value, shown as {@code label} in the usage. */
    public CommandSyntax value(String longName, String label, String description) {
        options.addOption(Option.builder().longOpt(longName).hasArg().argName(label).desc(description).get());
        return this;
    }

    /** An option whose value names a file or folder: a value no path can be is refused when parsing. */
    public CommandSyntax path(String longName, String label, String description) {
        paths.add(longName);
        return value(longName, label, description);
    }

    /** An option with one value that may be given any number of times. */
    public CommandSyntax repeatable(String longName, String label, String description) {
        repeatable.add(longName);
        return value(longName, label, description);
    }

    /** What may follow the options (e.g. "-- CMD [ARGS...]"); without it, anything but an option is refused. */
    public CommandSyntax operands(String usage) {
        this.operands = usage;
        return this;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    Options options() {
        return options;
    }

    boolean isRepeatable(String longName) {
        return repeatable.contains(longName);
    }

    Set<String> paths() {
        return paths;
    }

    /** Null when the command takes options only. */
    String operandsUsage() {
        return operands;
    }
}
