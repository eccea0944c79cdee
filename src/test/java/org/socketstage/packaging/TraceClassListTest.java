package org.socketstage.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trace mode's class list in src/main/cds, from which the build makes target/cds/trace.jsa for java -jar
 * (pom.xml, execution trace-class-archive; TraceClassArchiveIT checks the archive the build made).
 */
class TraceClassListTest {

    static final Path LIST = Path.of("src/main/cds/trace.classlist");

    static List<String> classNames() throws IOException {
        return ClassLists.classNames(LIST);
    }

    @Test
    void theListHoldsTheAppsLibrariesAndJdkClassesButNoRunTimeProxies() throws IOException {
        List<String> names = classNames();
        assertThat(names).hasSizeGreaterThan(1000).contains("java/lang/Object", "org/socketstage/Main",
                "org/socketstage/trace/TraceMode", "org/apache/commons/cli/DefaultParser", "com/sun/jna/Native");
        // a proxy class is made at run time under a numbered name: the archive cannot hold it
        assertThat(names).noneMatch(n -> n.matches(".*\\$Proxy\\d+"));
        assertThat(names).as("the trace mode loads no JavaFX").noneMatch(n -> n.startsWith("javafx/"));
    }

    @Test
    void almostEveryListedClassStillExists() throws IOException {
        // renamed or removed classes show here: remake the list (src/test/bench/classlist.sh trace)
        List<String> names = classNames();
        List<String> missing = ClassLists.missing(names);
        assertThat(missing.size()).as("classes in the list that the app, its libraries and this JDK do not have: %s",
                missing).isLessThanOrEqualTo(names.size() / 100);
    }
}
