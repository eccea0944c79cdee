package org.socketstage.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The class archive the build makes for the trace mode's java -jar line (pom.xml, execution trace-class-archive,
 * after the jar): the JVM maps it, and the app's own classes and its libraries' come from it.
 */
class TraceClassArchiveIT {

    private static final Path JAR = Path.of("target", "socketstage.jar").toAbsolutePath();
    private static final Path ARCHIVE = Path.of("target", "cds", "trace.jsa").toAbsolutePath();
    /** What the JVM said while making the archive (pom.xml, execution trace-class-archive). */
    private static final Path DUMP_LOG = Path.of("target", "cds", "trace-dump.log").toAbsolutePath();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theJarLaunchMapsTheArchiveWithTheAppsAndItsLibrariesClasses() throws Exception {
        assertThat(ARCHIVE).as("the build (package) makes it").isReadable();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // -Xshare:on: the JVM refuses to start if it cannot use the archive, instead of going on without it
        Process p = new ProcessBuilder(java, "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:class+load=info",
                "-jar", JAR.toString(), "--no-gui", "--help").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("org.socketstage.Main source: shared objects file")
                .contains("org.apache.commons.cli.DefaultParser source: shared objects file")
                .contains("Usage: socketstage --no-gui");
    }

    /**
     * A lambda whose method was renamed or moved since src/main/cds/trace.classlist was made is left out of the
     * archive, and the JVM then spins it at every start. The JVM says so while making the archive ("The classlist
     * is probably out-of-date"): remake the list with src/test/bench/classlist.sh trace.
     */
    @Test
    void theClassListMatchesTheCodeItWasMadeFrom() throws Exception {
        assertThat(DUMP_LOG).as("the build (package) writes it").isReadable();
        assertThat(Files.readString(DUMP_LOG)).as("remake src/main/cds/trace.classlist: src/test/bench/classlist.sh trace")
                .doesNotContain("out-of-date");
    }
}
