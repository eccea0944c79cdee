package org.socketstage.ui.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socketstage.event.Step;

class CodeListingTest {

    private final CodeListing c = StageLines.cListing();
    private final CodeListing java = StageLines.javaListing();

    @Test
    void everyStageOfTheCProgramHasItsCallAndAMinusOneCheck() {
        for (Step stage : Step.values()) {
            CallSite site = c.site(stage).orElseThrow();
            assertThat(site.hasCheck()).as(stage + " has a check").isTrue();
            String check = c.line(site.check().first());
            assertThat(check.strip()).as(stage + " check").startsWith("if (");
            if (stage != Step.SOCKADDR) {
                assertThat(check).contains("== -1");
            }
        }
        assertThat(c.line(c.site(Step.BIND).orElseThrow().call().first())).contains("bind(listenfd");
        assertThat(c.line(c.site(Step.ACCEPT).orElseThrow().call().first())).contains("accept(listenfd");
        assertThat(c.line(c.site(Step.CLOSE_CLIENT).orElseThrow().call().first())).contains("close(connfd)");
    }

    @Test
    void aCheckBlockRunsFromTheIfToItsClosingBrace() {
        LineRange check = c.site(Step.BIND).orElseThrow().check();
        assertThat(check.size()).isEqualTo(4);
        assertThat(c.line(check.first() + 1)).contains("perror(\"bind\")");
        assertThat(c.line(check.last()).strip()).isEqualTo("}");
    }

    @Test
    void theSockaddrStageCoversTheLinesThatFillTheStruct() {
        LineRange call = c.site(Step.SOCKADDR).orElseThrow().call();
        assertThat(c.lines().subList(call.first() - 1, call.last()))
                .anyMatch(l -> l.contains("htons(PORT)"))
                .anyMatch(l -> l.contains("sin_family = AF_INET"))
                .last().asString().contains("inet_pton(");
    }

    @Test
    void javaFusesBindAndListenOnOneLine() {
        CallSite bind = java.site(Step.BIND).orElseThrow();
        CallSite listen = java.site(Step.LISTEN).orElseThrow();
        assertThat(bind.call()).isEqualTo(listen.call());
        assertThat(java.line(bind.call().first())).contains("listener.bind(address, 5)");
        assertThat(java.line(bind.check().first())).contains("catch (BindException e)");
        assertThat(java.site(Step.CLOSE_CLIENT).orElseThrow().hasCheck()).isFalse();
    }

    @Test
    void aCheckCanBeLeftOutAndTheLinesBelowMoveUp() {
        CallSite socketBefore = c.site(Step.SOCKET).orElseThrow();
        int bindBefore = c.site(Step.BIND).orElseThrow().call().first();

        CodeListing unchecked = c.withoutCheck(Step.SOCKET);

        assertThat(unchecked.site(Step.SOCKET).orElseThrow().hasCheck()).isFalse();
        assertThat(unchecked.lines()).hasSize(c.lines().size() - socketBefore.check().size());
        assertThat(unchecked.line(socketBefore.call().first() + 1)).doesNotContain("listenfd == -1");
        int bindAfter = unchecked.site(Step.BIND).orElseThrow().call().first();
        assertThat(bindAfter).isEqualTo(bindBefore - 4);
        assertThat(unchecked.line(bindAfter)).contains("bind(listenfd");
        assertThat(unchecked.line(unchecked.site(Step.BIND).orElseThrow().check().first())).contains("rc == -1");
    }

    @Test
    void leavingOutASharedJavaCheckRemovesItForBothStages() {
        CodeListing unchecked = java.withoutCheck(Step.BIND);
        assertThat(unchecked.site(Step.LISTEN).orElseThrow().hasCheck()).isFalse();
        assertThat(unchecked.lines()).noneMatch(l -> l.contains("BindException e"));
    }

    @Test
    void aMissingListingNamesTheResource() {
        assertThatThrownBy(() -> CodeListing.load("C", "/code/nope.c", StageLines.cAnchors()))
                .hasMessageContaining("/code/nope.c");
    }

    @Test
    void anAnchorThatMatchesTwoLinesOrNoneIsRefusedWithItsText() {
        List<String> lines = List.of("x = bind(a);", "y = bind(b);");
        assertThatThrownBy(() -> CodeListing.parse("t", "t.c", lines,
                Map.of(Step.BIND, StageAnchor.uncheckedCall("bind("))))
                .hasMessageContaining("\"bind(\"").hasMessageContaining("lines 1 and 2");
        assertThatThrownBy(() -> CodeListing.parse("t", "t.c", lines,
                Map.of(Step.LISTEN, StageAnchor.uncheckedCall("listen("))))
                .hasMessageContaining("matches no line");
    }
}
