package org.socketstage.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the backlog demo says about the queue it saw. */
class BacklogOverflowTest {

    @Test
    void aQueueOfBacklogPlusOneIsTheRule() {
        assertThat(BacklogOverflow.queueNote(2)).isEqualTo("backlog 1; Linux queues backlog + 1");
    }

    /** CI once saw 3 with backlog 1: the demo said "Linux queues backlog + 1" next to a 3. */
    @Test
    void aLongerQueueIsExplainedNotContradicted() {
        String note = BacklogOverflow.queueNote(3);
        assertThat(note).startsWith("backlog 1; Linux queues backlog + 1 as a rule, 3 this time")
                .contains("different CPUs");
    }
}
