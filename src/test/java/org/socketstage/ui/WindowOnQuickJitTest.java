package org.socketstage.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The window's compiler directive, taken by this very JVM (HotSpot, as the app runs on). */
class WindowOnQuickJitTest {

    @Test
    void theDirectiveExcludesEveryMethodFromC2AndLeavesC1Alone() {
        assertThat(WindowOnQuickJit.directive()).isEqualTo("[ { match: [\"*.*\"], c2: { Exclude: true } } ]");
    }

    @Test
    void hotSpotTakesItAndListsItBeforeItsDefault() throws Exception {
        assumeTrue(System.getProperty("java.vm.name", "").contains("Server VM"), "HotSpot's server VM");
        String before = WindowOnQuickJit.printed();
        assertThat(WindowOnQuickJit.apply()).isTrue();
        try {
            assertTaken(before);
        } finally {
            WindowOnQuickJit.removeLast(); // the other tests in this JVM keep C2
        }
        assertThat(WindowOnQuickJit.printed()).isEqualTo(before);
    }

    @Test
    void appliedSoonItIsInPlaceWithoutTheCallerWaiting() throws Exception {
        assumeTrue(System.getProperty("java.vm.name", "").contains("Server VM"), "HotSpot's server VM");
        String before = WindowOnQuickJit.printed();
        WindowOnQuickJit.applySoon();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> WindowOnQuickJit.printed().length() > before.length());
            assertTaken(before);
        } finally {
            WindowOnQuickJit.removeLast();
        }
    }

    private static void assertTaken(String before) throws Exception {

        // "Directive:\n matching: *.*\n c1 directives: … c2 directives: … Exclude:true …", then the default's
        String printed = WindowOnQuickJit.printed();
        assertThat(printed).as("one directive more than before").hasSizeGreaterThan(before.length());
        int added = printed.indexOf("Directive:\n matching: *.*");
        int fallback = printed.indexOf("Directive: (default)");
        assertThat(added).as(printed).isNotNegative().isLessThan(fallback);
        String ours = printed.substring(added, fallback);
        assertThat(ours.substring(ours.indexOf("c2 directives:"))).contains("Exclude:true");
        assertThat(ours.substring(ours.indexOf("c1 directives:"), ours.indexOf("c2 directives:"))).contains("Exclude:false");
    }
}
