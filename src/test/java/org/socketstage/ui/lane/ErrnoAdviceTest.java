package org.socketstage.ui.lane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.ui.text.UiText;

class ErrnoAdviceTest {

    private final ErrnoAdvice advice = new ErrnoAdvice(UiText.load());

    @Test
    void theSameErrnoMeansDifferentThingsAtDifferentStages() {
        Errno inUse = Errno.byName("EADDRINUSE").orElseThrow();
        assertThat(advice.explain(Step.BIND, inUse)).contains("TIME_WAIT");
        assertThat(advice.explain(Step.LISTEN, inUse)).contains("only one may listen");
    }

    @Test
    void anErrnoWithoutAStageSentenceGetsItsGeneralOne() {
        assertThat(advice.explain(Step.SEND, Errno.byName("EBADF").orElseThrow())).contains("not open");
    }

    @Test
    void anUnknownErrnoIsStillNamedWithTheSystemsMessage() {
        String text = advice.explain(Step.LISTEN, Errno.of(9999));
        assertThat(text).contains("E9999", "Unknown error 9999", "listen()").doesNotContain("!");
    }
}
