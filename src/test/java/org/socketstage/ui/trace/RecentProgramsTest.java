package org.socketstage.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socketstage.ui.AppPrefs;

class RecentProgramsTest {

    private final Preferences node = Preferences.userRoot().node(System.getProperty(AppPrefs.NODE_PROPERTY))
            .node("recentProgramsTest");
    private final RecentPrograms recent = new RecentPrograms(node);

    @AfterEach
    void forget() throws Exception {
        node.removeNode();
    }

    private static ProgramLaunch launch(String... argv) {
        return new ProgramLaunch(List.of(argv), null, OptionalInt.empty(), Optional.empty());
    }

    @Test
    void newestFirstEachOnceAndAtMostMax() {
        for (int i = 0; i < RecentPrograms.MAX + 3; i++) {
            recent.remember(launch("./server", Integer.toString(9000 + i)));
        }
        recent.remember(launch("./server", Integer.toString(9000 + RecentPrograms.MAX)));
        List<RecentPrograms.Entry> list = recent.list();
        assertThat(list).hasSize(RecentPrograms.MAX);
        assertThat(list.get(0).command()).isEqualTo("./server " + (9000 + RecentPrograms.MAX));
        assertThat(list.get(1).command()).isEqualTo("./server " + (9000 + RecentPrograms.MAX + 2));
        assertThat(list).extracting(RecentPrograms.Entry::command).doesNotHaveDuplicates()
                .doesNotContain("./server 9000", "./server 9001", "./server 9002");
    }

    @Test
    void anEntryKeepsTheFourFieldsAndChecksAgain() {
        recent.remember(new ProgramLaunch(List.of("python3", "my server.py", "9090"), Path.of("/tmp"),
                OptionalInt.of(9090), Optional.empty()));
        RecentPrograms.Entry e = new RecentPrograms(node).list().get(0);
        assertThat(e).isEqualTo(new RecentPrograms.Entry("python3 'my server.py' 9090", "/tmp", "9090", ""));
        ProgramLaunch again = e.check().launch().orElseThrow();
        assertThat(again.argv()).containsExactly("python3", "my server.py", "9090");
        assertThat(again.port()).isEqualTo(OptionalInt.of(9090));
    }

    @Test
    void clearEmptiesTheList() {
        recent.remember(launch("./a"));
        recent.clear();
        assertThat(recent.list()).isEmpty();
    }
}
