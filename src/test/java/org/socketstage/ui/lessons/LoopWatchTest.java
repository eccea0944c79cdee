package org.socketstage.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopWatchTest {

    private final LoopWatch<String> watch = new LoopWatch<>();

    @Test
    void aServerThatCameBackToTheMarkedSectionAfterAnotherIsLooping() {
        watch.passed("send()");
        watch.passed("recv()");
        assertThat(watch.cameBackTo("recv()")).isTrue();
    }

    @Test
    void aServerThatMovedOnAndDidNotComeBackIsFollowed() {
        watch.passed("send()");
        watch.passed("close(client)");
        assertThat(watch.cameBackTo("recv()")).isFalse();
    }

    @Test
    void aServerThatStayedInTheMarkedSectionIsNotLooping() {
        // two stages of one section: the line above the tabs still has to say which
        watch.passed("recv()");
        assertThat(watch.cameBackTo("recv()")).isFalse();
    }

    @Test
    void withNothingMarkedThereIsNoLoopToHoldTo() {
        watch.passed(null);
        watch.passed("accept()");
        assertThat(watch.cameBackTo(null)).isFalse();
    }

    @Test
    void eachPauseStartsAfresh() {
        watch.passed("send()");
        watch.passed("recv()");
        assertThat(watch.cameBackTo("recv()")).isTrue();
        assertThat(watch.cameBackTo("recv()")).as("a pause in which the server did not move").isFalse();

        watch.passed("send()");
        watch.passed("recv()");
        watch.forget();
        watch.passed("send()");
        assertThat(watch.cameBackTo("recv()")).isFalse();
    }
}
