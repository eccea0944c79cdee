package org.socketstage.settings;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/** What one command line gave, already checked against its {@link CommandSyntax} by {@link OptionParsing}. */
public final class GivenOptions {

    private final CommandLine line;

    GivenOptions(CommandLine line) {
        this.line = line;
    }

    /** The value given to {@code --name}, or null when it was not given. */
    public String text(String name) {
        return line.getOptionValue(name);
    }

    /** Every value given to a repeatable option, in order; empty when none was. */
    public List<String> texts(String name) {
        String[] values = line.getOptionValues(name);
        return values == null ? List.of() : List.of(values);
    }

    public boolean flag(String name) {
        return line.hasOption(name);
    }

    /** The file or folder given to {@code --name} (a path option, checked when parsed), or null. */
    public Path path(String name) {
        String value = text(name);
        return value == null ? null : Path.of(value);
    }

    /** What followed the options (after "--", or any word that is not an option). */
    public List<String> operands() {
        return List.copyOf(line.getArgList());
    }

    public boolean helpRequested() {
        return line.hasOption(CommandSyntax.HELP);
    }
}
