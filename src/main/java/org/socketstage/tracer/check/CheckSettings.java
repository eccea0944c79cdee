package org.socketstage.tracer.check;

import java.time.Duration;
import java.util.OptionalInt;
import org.socketstage.tracer.ProgramCommand;

/**
 * How to check a program: the command, the port it should listen on (empty: whatever it listens on the first
 * time), what it does with a client's line, and the bounds of every wait.
 */
public record CheckSettings(ProgramCommand command, OptionalInt port, Expect expect, Duration listenWait,
        Duration replyWait) {

    public static final Duration LISTEN_WAIT = Duration.ofSeconds(10);
    public static final Duration REPLY_WAIT = Duration.ofSeconds(3);

    public CheckSettings(ProgramCommand command, OptionalInt port, Expect expect) {
        this(command, port, expect, LISTEN_WAIT, REPLY_WAIT);
    }
}
