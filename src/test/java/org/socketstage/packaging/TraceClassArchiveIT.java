package org.socketstage.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
     * On the way from the launch to the listening socket every class of the app and of its libraries comes from
     * the archive: none is read from a jar, and none is made at run time, like the proxy class an interface
     * mapping of libc made (JNA's own annotation proxies, of JDK and JNA types, are the only classes made there).
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void upToListenNoClassOfTheAppOrItsLibrariesIsMadeOrReadFromAJar() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("socketstage-class-load", ".txt");
        Process p = new ProcessBuilder(java, "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE,
                "-Xlog:class+load=info:file=" + log, "-jar", JAR.toString(), "--no-gui", "--port", "0")
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        try (var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.matches(".*listen\\(.*\\) = 0.*")) {
                // the trace's lines before listen()
            }
            assertThat(line).as("the trace mode listened").isNotNull();
            List<String> upToListen = Files.readAllLines(log);
            assertThat(upToListen).as("classes loaded up to listen()").hasSizeGreaterThan(1000)
                    .filteredOn(l -> l.matches(".* (org\\.socketstage|com\\.sun\\.jna|org\\.apache\\.commons\\.cli)\\.\\S* source: .*"))
                    .isNotEmpty()
                    .allSatisfy(l -> assertThat(l).endsWith("source: shared objects file"));
            assertThat(upToListen).filteredOn(l -> l.contains("__dynamic_proxy__")).hasSizeLessThanOrEqualTo(2)
                    .allSatisfy(l -> assertThat(l).contains(" jdk.proxy"));
            // the JDK's lambdas too: a chain of Comparator's default methods, for one, makes its lambdas' classes at
            // run time (source: java.util.Comparator), which the archive cannot hold
            assertThat(upToListen).as("lambda classes loaded up to listen()")
                    .filteredOn(l -> l.contains("$$Lambda$")).isNotEmpty()
                    .allSatisfy(l -> assertThat(l).endsWith("source: shared objects file"));
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(log);
            // the JVM's log moves a file already there (the empty temp file) aside as "<name>.0" before writing
            Files.deleteIfExists(Path.of(log + ".0"));
        }
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
