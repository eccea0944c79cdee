package org.socketstage.ui.trace;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.socketstage.settings.ConfigRules;
import org.socketstage.tracer.ProgramCommand;

/**
 * A program to trace as the user gave it: the command and its arguments, the folder to start it in, the port
 * it should listen on (another one is pointed out) and its source file for the code view. Folder, port and
 * source are optional.
 */
public record ProgramLaunch(List<String> argv, Path folder, OptionalInt port, Optional<Path> source) {

    public ProgramLaunch {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a program to trace needs a command");
        }
        port = port == null ? OptionalInt.empty() : port;
        source = source == null ? Optional.empty() : source;
    }

    /** The result of checking what was typed: a launch, or every problem in plain words. */
    public record Checked(Optional<ProgramLaunch> launch, List<String> problems) {}

    public ProgramCommand command() {
        return new ProgramCommand(argv, folder);
    }

    public String commandLine() {
        return CommandWords.join(argv);
    }

    /** Checks the dialog's four fields (blank optional fields mean "not given"). */
    public static Checked check(String command, String folder, String port, String source) {
        List<String> problems = new ArrayList<>();
        List<String> argv = List.of();
        try {
            argv = CommandWords.split(command);
        } catch (IllegalArgumentException e) {
            problems.add("Command: " + e.getMessage() + ".");
        }
        Path dir = null;
        if (folder != null && !folder.isBlank()) {
            dir = path(folder.trim(), "Working folder", problems);
            if (dir != null && !Files.isDirectory(dir)) {
                problems.add("Working folder: " + dir + " is not a folder.");
            }
        }
        OptionalInt p = OptionalInt.empty();
        if (port != null && !port.isBlank()) {
            Optional<Integer> n = ConfigRules.parseInt(port.trim()).filter(v -> v >= 1 && v <= 65535);
            if (n.isEmpty()) {
                problems.add("Port: a whole number from 1 to 65535, or empty for any (got \"" + port.trim() + "\").");
            } else {
                p = OptionalInt.of(n.get());
            }
        }
        Path src = null;
        if (source != null && !source.isBlank()) {
            src = path(source.trim(), "Source file", problems);
            if (src != null && !src.isAbsolute() && dir != null) {
                src = dir.resolve(src);
            }
            if (src != null && !Files.isRegularFile(src)) {
                problems.add("Source file: cannot read " + src + " (give the program's .c, .py or .java file, or leave it empty).");
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(Optional.empty(), List.copyOf(problems));
        }
        return new Checked(Optional.of(new ProgramLaunch(argv, dir, p, Optional.ofNullable(src))), List.of());
    }

    private static Path path(String text, String field, List<String> problems) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            problems.add(field + ": not a path this system accepts (" + e.getReason() + ").");
            return null;
        }
    }
}
