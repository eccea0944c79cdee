package org.socketstage.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The class archive the build makes for the trace mode's java -jar line (pom.xml, execution trace-class-archive,
 * after the jar): the JVM maps it, and the app's own classes and picocli's come from it.
 */
class TraceClassArchiveIT {

    private static final Path JAR = Path.of("target", "socketstage.jar").toAbsolutePath();
    private static final Path ARCHIVE = Path.of("target", "cds", "trace.jsa").toAbsolutePath();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theJarLaunchMapsTheArchiveWithTheAppsAndPicoclisClasses() throws Exception {
        assertThat(ARCHIVE).as("the build (package) makes it").isReadable();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // -Xshare:on: the JVM refuses to start if it cannot use the archive, instead of going on without it
        Process p = new ProcessBuilder(java, "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:class+load=info",
                "-jar", JAR.toString(), "--no-gui", "--help").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("org.socketstage.Main source: shared objects file")
                .contains("picocli.CommandLine source: shared objects file")
                .contains("Usage: socketstage --no-gui");
    }
}
