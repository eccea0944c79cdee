package org.socketstage.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which events print a strace line: {@link StraceFormat#line} answers without a builder for the ones that do not. */
class StraceFormatTest {

    @Test
    void aCallAboutToStartPrintsNothingEitherWay() {
        ServerEvent started = new ServerEvent.CallStarted(1, Instant.EPOCH, Actor.SERVER, Step.LISTEN, "listen", "3, 5");
        StringBuilder sb = new StringBuilder();
        // line() returns early for a started call; appendLine must agree, or the spool's strace export would lose
        // lines that the printer writes
        assertThat(StraceFormat.appendLine(sb, started, started.actor().label())).isFalse();
        assertThat(sb).isEmpty();
        assertThat(StraceFormat.line(started)).isNull();
    }

    @Test
    void aReturnedCallPrintsTheSameLineEitherWay() {
        ServerEvent returned = new ServerEvent.CallReturned(2, Instant.EPOCH, Actor.SERVER, Step.LISTEN, "listen",
                "3, 5", 0, null, false, null, null, null, null, 3);
        StringBuilder sb = new StringBuilder();
        assertThat(StraceFormat.appendLine(sb, returned, returned.actor().label())).isTrue();
        assertThat(StraceFormat.line(returned)).isEqualTo(sb.toString()).isEqualTo("[server] listen(3, 5) = 0");
    }
}
