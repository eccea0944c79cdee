package org.socketstage.tracer;

/** Receives what the traced program writes to its standard output and error, line by line. */
@FunctionalInterface
public interface ProgramOutput {

    enum Stream { STDOUT, STDERR }

    ProgramOutput NONE = (stream, line) -> { };

    /** Called on the output's own reader thread. */
    void line(Stream stream, String line);
}
