package org.socketstage.tracer;

import java.nio.file.Path;
import java.util.List;

/** The program to trace: its command line and the folder to start it in (null: the current folder). */
public record ProgramCommand(List<String> argv, Path directory) {

    public ProgramCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a program to trace needs a command");
        }
    }

    public static ProgramCommand of(String... argv) {
        return new ProgramCommand(List.of(argv), null);
    }

    public String commandLine() {
        return String.join(" ", argv);
    }

    Path folder() {
        return directory != null ? directory : Path.of("").toAbsolutePath();
    }
}
