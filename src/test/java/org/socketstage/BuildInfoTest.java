package org.socketstage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What --version and Help → About say about the build. */
class BuildInfoTest {

    @Test
    void theBuildWritesTheVersionAndARevision() {
        BuildInfo build = BuildInfo.current();
        assertThat(build.version()).matches("\\d+\\.\\d+\\.\\d+.*");
        // a checkout has a commit; a source tarball says so instead
        assertThat(build.revision()).matches("[0-9a-f]{7,}|" + BuildInfo.UNKNOWN_REVISION);
    }

    @Test
    void versionLineNamesTheRevision() {
        assertThat(new BuildInfo("0.1.0", "84ee795", false).versionLine())
                .isEqualTo("SocketStage 0.1.0 (revision 84ee795)");
        assertThat(new BuildInfo("0.1.0", "84ee795", true).versionLine())
                .isEqualTo("SocketStage 0.1.0 (revision 84ee795 with local changes)");
    }

    @Test
    void aValueTheBuildDidNotFillInReadsAsUnknown() {
        BuildInfo fromTarball = new BuildInfo("0.1.0", "${git.commit.id.abbrev}", false);
        assertThat(fromTarball.versionLine()).isEqualTo("SocketStage 0.1.0 (unknown revision)");
        assertThat(new BuildInfo(null, "", true).versionLine()).isEqualTo("SocketStage unknown version (unknown revision)");
    }

    @Test
    void theLibrariesLicencesComeFromTheBuild() {
        assertThat(BuildInfo.thirdPartyLicences())
                .contains("Java Native Access").contains("LGPL-2.1-or-later")
                .contains("javafx controls").contains("Classpath-exception-2.0")
                .contains("ControlsFX").contains("Commons CLI").contains("commonmark")
                .doesNotContain("junit").doesNotContain("testfx");
    }
}
