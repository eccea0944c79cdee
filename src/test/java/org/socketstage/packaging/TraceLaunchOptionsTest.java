package org.socketstage.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.socketstage.bench.SideBySideBenchmark;

/**
 * The trace mode's launch line in the README gives the JIT options the benchmark starts the trace mode with, so
 * that its start-up and echo rows measure what a reader of the README runs; the installed launcher, which also
 * runs the window, gives none of them.
 */
class TraceLaunchOptionsTest {

    /** The README's trace-mode line, with its continuation joined. */
    private static String readmeTraceLine() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replace("\\\n", " ");
        Matcher line = Pattern.compile("(?m)^java (.*)# the headless trace mode.*$").matcher(readme);
        assertThat(line.find()).as("the README's java -jar line for the trace mode").isTrue();
        return line.group(1);
    }

    @Test
    void theReadmesTraceLineGivesTheBenchmarksJitOptions() throws IOException {
        List<String> words = List.of(readmeTraceLine().trim().split("\\s+"));
        assertThat(SideBySideBenchmark.TRACE_JIT).hasSize(3).allMatch(o -> o.startsWith("-XX:Tier3"));
        assertThat(words).containsAll(SideBySideBenchmark.TRACE_JIT)
                .contains("-XX:SharedArchiveFile=target/cds/trace.jsa", "--no-gui");
        // JVM options go before -jar, or java hands them to the app
        int jar = words.indexOf("-jar");
        for (String option : SideBySideBenchmark.TRACE_JIT) {
            assertThat(words.indexOf(option)).as(option).isLessThan(jar);
        }
    }

    @Test
    void theBenchmarksChoiceCanBeTurnedOffOrReplaced() {
        assertThat(SideBySideBenchmark.traceJit("none")).isEmpty();
        assertThat(SideBySideBenchmark.traceJit(" ")).isEmpty();
        assertThat(SideBySideBenchmark.traceJit("-XX:A=1,-XX:B=2")).containsExactly("-XX:A=1", "-XX:B=2");
    }

    @Test
    void theInstalledLauncherDoesNotGiveThem() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher javaOptions = Pattern.compile("<javaOptions>(.*?)</javaOptions>", Pattern.DOTALL).matcher(pom);
        int lists = 0;
        while (javaOptions.find()) {
            lists++;
            assertThat(javaOptions.group(1)).doesNotContain("Tier3");
        }
        assertThat(lists).isPositive();
    }
}
