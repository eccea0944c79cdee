package org.socketstage.tracer;

import java.util.List;
import java.util.Objects;
import org.socketstage.server.Server;
import org.socketstage.session.ServerSource;

/**
 * A student's program as what a session's Start runs: each start launches it afresh under the tracer, on the
 * session's bus, behind the session's step gate, with the instructor's armed faults acting on it (besides the
 * injections given here, which count from each start).
 */
public record ProgramSource(ProgramCommand command, List<Injection> injections, ProgramOutput output)
        implements ServerSource {

    public ProgramSource {
        Objects.requireNonNull(command, "command");
        injections = List.copyOf(injections);
        output = output == null ? ProgramOutput.NONE : output;
    }

    public ProgramSource(ProgramCommand command) {
        this(command, List.of(), ProgramOutput.NONE);
    }

    @Override
    public TracedProgram create(Parts parts) {
        return new TracedProgram(command, parts.bus(), parts.gate(), parts.faults(), new ProgramFaults(injections),
                output);
    }

    /** Narrows a session's server to the traced program, when it is one. */
    public static java.util.Optional<TracedProgram> traced(java.util.Optional<Server> server) {
        return server.filter(TracedProgram.class::isInstance).map(TracedProgram.class::cast);
    }
}
