package org.socketstage.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The class list in src/main/cds and the class-data sharing archive the build makes from it for
 * {@code ./mvnw javafx:run} (pom.xml, execution window-class-archive).
 */
class WindowClassArchiveTest {

    private static final Path LIST = Path.of("src/main/cds/window.classlist");
    private static final Path ARCHIVE = Path.of("target", "cds", "window-" + System.getProperty("java.version") + ".jsa");
    /** What javafx:run puts on the class path: an archive made with a folder on its class path is refused. */
    private static final List<String> CLASS_PATH_PACKAGES = List.of("org/socketstage/", "com/sun/jna/",
            "org/commonmark/", "com/fasterxml/", "org/apache/commons/cli/", "org/controlsfx/", "impl/org/controlsfx/");

    private static List<String> classNames() throws IOException {
        return ClassLists.classNames(LIST);
    }

    @Test
    void theListNamesTheJdksAndJavafxsStartUpClassesAndNothingFromTheClassPath() throws IOException {
        List<String> names = classNames();
        assertThat(names).hasSizeGreaterThan(3000)
                .contains("javafx/scene/control/Button", "javafx/fxml/FXMLLoader", "java/lang/Object");
        assertThat(names).allSatisfy(n -> assertThat(CLASS_PATH_PACKAGES).noneMatch(n::startsWith));
        for (String line : Files.readAllLines(LIST, StandardCharsets.UTF_8)) {
            if (line.startsWith("@lambda-proxy ")) {
                String owner = line.split(" ")[1];
                assertThat(CLASS_PATH_PACKAGES).as(line).noneMatch(owner::startsWith);
            }
        }
    }

    @Test
    void almostEveryListedClassExistsInThisJdkAndJavafx() throws IOException {
        // a JavaFX or JDK upgrade that moved classes shows here: remake the list (src/test/bench/classlist.sh)
        List<String> names = classNames();
        List<String> missing = ClassLists.missing(names);
        assertThat(missing.size()).as("classes in the list that this JDK and JavaFX do not have: %s", missing)
                .isLessThanOrEqualTo(names.size() / 100);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theBuildsArchiveMapsUnderJavafxRunsLaunchAndHoldsJavafxsClasses() throws Exception {
        assertThat(ARCHIVE).as("the build (process-classes) makes it").isReadable();
        List<String> javafx = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            (entry.contains("/org/openjfx/") ? javafx : rest).add(entry);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // -Xshare:on: the JVM refuses to start if it cannot use the archive, instead of going on without it
        Process p = new ProcessBuilder(java, "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE.toAbsolutePath(),
                "-Xlog:class+load=info", "--module-path", String.join(File.pathSeparator, javafx),
                "--add-modules", "javafx.controls,javafx.fxml", "-cp", String.join(File.pathSeparator, rest),
                LoadsAControl.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("javafx.scene.control.Button source: shared objects file")
                .contains("loaded Button");
    }

    /** Loads a JavaFX control's class (without the toolkit), in the child JVM above. */
    public static final class LoadsAControl {
        public static void main(String[] args) throws ClassNotFoundException {
            Class.forName("javafx.scene.control.Button", false, LoadsAControl.class.getClassLoader());
            System.out.println("loaded Button");
        }
    }
}
