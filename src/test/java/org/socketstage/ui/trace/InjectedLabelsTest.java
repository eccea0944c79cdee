package org.socketstage.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.socketstage.event.Actor;
import org.socketstage.event.CallArgs;
import org.socketstage.event.JsonLines;
import org.socketstage.event.ResultSource;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.ui.lane.LaneViewModel;
import org.socketstage.ui.log.EventLogViewModel;
import org.socketstage.ui.text.UiText;

/** A result the tracer made up for a student's program says so wherever it appears; a real one does not. */
class InjectedLabelsTest {

    private final UiText text = UiText.load();

    private static ServerEvent.CallReturned bind(ResultSource source) {
        return new ServerEvent.CallReturned(7, Instant.now(), Actor.SERVER.inTask(4711), Step.BIND, "bind",
                CallArgs.of("3, {sa_family=AF_INET, sin_port=htons(9090)}, 16"), -1,
                Errno.byName("EADDRINUSE").orElseThrow(), source,
                source == ResultSource.INJECTED ? "injected by the tracer: the kernel was not called" : null,
                null, null, null, 3);
    }

    @Test
    void theLaneSaysInjected() {
        LaneViewModel lane = new LaneViewModel(text);
        lane.apply(bind(ResultSource.INJECTED));
        lane.publish();
        assertThat(lane.card(Step.BIND).result()).endsWith("(injected)");
        assertThat(lane.failureProperty().get()).endsWith("(injected)");
        lane.reset();
        lane.apply(bind(ResultSource.KERNEL));
        lane.publish();
        assertThat(lane.card(Step.BIND).result()).doesNotContain("injected").doesNotContain("simulated");
    }

    @Test
    void theLogAndTheExportSayInjected() {
        EventLogViewModel log = new EventLogViewModel(text, Runnable::run);
        log.apply(bind(ResultSource.INJECTED));
        log.apply(bind(ResultSource.KERNEL));
        log.publish(); // the log shows a batch's rows at once, as the feed does at the end of each batch

        assertThat(log.rows().get(0).result()).contains("[injected]");
        assertThat(log.rows().get(1).result()).doesNotContain("[injected]");
        assertThat(JsonLines.toJson(bind(ResultSource.INJECTED))).contains("\"injected\":true");
        assertThat(JsonLines.toJson(bind(ResultSource.KERNEL))).doesNotContain("injected");
    }
}
