package org.socketstage.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketstage.event.Actor;
import org.socketstage.event.EventBus;
import org.socketstage.event.ServerEvent;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TranscriptTest {

    private static void notice(EventBus bus, String text) {
        bus.publish((seq, time) -> new ServerEvent.Notice(seq, time, Actor.SERVER, text));
    }

    @Test
    void everyEventThenARecordWithTheTotals(@TempDir Path dir) throws Exception {
        EventBus bus = new EventBus();
        List<String> problems = new ArrayList<>();
        Transcript t = Transcript.open(dir.resolve("t.jsonl"), bus, problems::add);
        for (int i = 0; i < 1000; i++) {
            notice(bus, "n" + i);
        }
        Transcript.Summary summary = t.finish();
        List<String> lines = Files.readAllLines(dir.resolve("t.jsonl"));
        assertThat(lines).hasSize(1001);
        assertThat(lines.get(0)).startsWith("{\"seq\":1,");
        assertThat(lines.get(999)).startsWith("{\"seq\":1000,");
        assertThat(lines.get(1000)).startsWith("{\"type\":\"TranscriptEnd\"")
                .contains("\"events\":1000", "\"first_seq\":1", "\"last_seq\":1000", "\"lost\":{}", "\"unwritten\":0",
                        "\"complete\":true");
        assertThat(summary.complete()).isTrue();
        assertThat(summary.events()).isEqualTo(1000);
        assertThat(problems).isEmpty();
        assertThat(t.finish()).isSameAs(summary);
    }

    @Test
    void anotherListenersLossIsInTheLastRecord(@TempDir Path dir) throws Exception {
        EventBus bus = new EventBus();
        Transcript t = Transcript.open(dir.resolve("t.jsonl"), bus, p -> { });
        CountDownLatch never = new CountDownLatch(1);
        EventBus.Subscription stuck = bus.subscribe("stdout", e -> {
            try {
                never.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, 10);
        try {
            for (int i = 0; i < 100; i++) {
                notice(bus, "n" + i);
            }
            stuck.closeAndDrain(java.time.Duration.ofMillis(100));
            Transcript.Summary summary = t.finish();
            assertThat(summary.complete()).isFalse();
            assertThat(summary.fileIncomplete()).isFalse();
            List<String> lines = Files.readAllLines(dir.resolve("t.jsonl"));
            assertThat(lines.get(lines.size() - 1)).contains("\"events\":100", "\"lost\":{\"stdout\":",
                    "\"complete\":false");
        } finally {
            never.countDown();
        }
    }

    @Test
    void aFileThatCannotBeOpenedIsDescribedInWords(@TempDir Path dir) {
        assertThatThrownBy(() -> Transcript.open(dir.resolve("missing/t.jsonl"), new EventBus(), p -> { }))
                .hasMessage("cannot write " + dir.resolve("missing/t.jsonl") + ": the folder " + dir.resolve("missing")
                        + " does not exist");
        assertThat(Transcript.describe(Path.of("/x/t.jsonl"), new AccessDeniedException("/x/t.jsonl")))
                .isEqualTo("cannot write /x/t.jsonl: permission denied");
        assertThat(Transcript.describe(Path.of("/x/t.jsonl"), new NoSuchFileException("/x/t.jsonl")))
                .isEqualTo("cannot write /x/t.jsonl: the folder /x does not exist");
    }
}
