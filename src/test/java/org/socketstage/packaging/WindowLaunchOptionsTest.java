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
 * The JIT choice at launch: {@code ./mvnw javafx:run}, which runs only the window, starts its JVM on C1 alone; the
 * installed launcher, which also runs the trace mode, does not; and the benchmark launches the window with the
 * same option javafx:run gives it, so its start-up and frame-gap rows measure what a user runs. The memory and
 * collector options are the same in every launch and in the benchmark.
 */
class WindowLaunchOptionsTest {

    private static final String POM = readPom();

    private static String readPom() {
        try {
            return Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String property(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(POM);
        assertThat(m.find()).as("property %s in pom.xml", name).isTrue();
        return m.group(1).trim();
    }

    @Test
    void javafxRunStartsTheWindowOnC1AloneAndTheBenchmarkLaunchesItSo() {
        assertThat(property("window.jit")).isEqualTo("-XX:TieredStopAtLevel=1").isEqualTo(SideBySideBenchmark.WINDOW_JIT);
        // every <options> list of the javafx plugin (the default and the JDK 23+ profile's) carries it
        Matcher options = Pattern.compile("<options>(.*?)</options>", Pattern.DOTALL).matcher(POM);
        int lists = 0;
        while (options.find()) {
            lists++;
            assertThat(options.group(1)).contains("<option>${window.jit}</option>");
        }
        assertThat(lists).isEqualTo(2);
    }

    @Test
    void theInstalledLauncherKeepsC2ForTheTraceMode() {
        Matcher javaOptions = Pattern.compile("<javaOptions>(.*?)</javaOptions>", Pattern.DOTALL).matcher(POM);
        int lists = 0;
        while (javaOptions.find()) {
            lists++;
            assertThat(javaOptions.group(1)).doesNotContain("window.jit").doesNotContain("TieredStopAtLevel");
        }
        assertThat(lists).isPositive();
    }

    /** The app's memory and collector options, in the order every launch list gives them. */
    private static final List<String> MEMORY = List.of("app.heap", "app.gc", "app.heapFreeMin", "app.heapFreeMax",
            "app.young", "app.marking", "app.markingFixed");

    @Test
    void everyLaunchAndTheBenchmarkGiveTheSameMemoryOptions() {
        // the benchmark measures what users run: its default app options are the pom's, in the same order
        assertThat(SideBySideBenchmark.APP_JVM)
                .containsExactlyElementsOf(MEMORY.stream().map(WindowLaunchOptionsTest::property).toList());
        // javafx:run's two option lists and the installed launcher's
        Matcher lists = Pattern.compile("<(options|javaOptions)>(.*?)</\\1>", Pattern.DOTALL).matcher(POM);
        int found = 0;
        while (lists.find()) {
            found++;
            String tag = lists.group(1).equals("options") ? "option" : "javaOption";
            for (String name : MEMORY) {
                assertThat(lists.group(2)).as("%s in a <%s> list", name, lists.group(1))
                        .contains("<" + tag + ">${" + name + "}</" + tag + ">");
            }
        }
        assertThat(found).isEqualTo(3);
    }
}
