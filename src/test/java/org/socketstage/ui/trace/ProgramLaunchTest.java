package org.socketstage.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramLaunchTest {

    @TempDir
    Path dir;

    @Test
    void theFourFieldsMakeALaunch() throws Exception {
        Path source = Files.writeString(dir.resolve("echo_server.c"), "int main(void) { return 0; }\n");
        ProgramLaunch.Checked c = ProgramLaunch.check("./echo_server 9090", dir.toString(), " 9090 ", "echo_server.c");
        assertThat(c.problems()).isEmpty();
        ProgramLaunch l = c.launch().orElseThrow();
        assertThat(l.argv()).containsExactly("./echo_server", "9090");
        assertThat(l.folder()).isEqualTo(dir);
        assertThat(l.port()).isEqualTo(OptionalInt.of(9090));
        assertThat(l.source()).contains(source);
        assertThat(l.command().directory()).isEqualTo(dir);
    }

    @Test
    void optionalFieldsMayStayEmpty() {
        ProgramLaunch l = ProgramLaunch.check("./server", "", "", " ").launch().orElseThrow();
        assertThat(l.folder()).isNull();
        assertThat(l.port()).isEmpty();
        assertThat(l.source()).isEmpty();
    }

    @Test
    void everyWrongFieldIsNamedWithWhatIsAccepted() {
        ProgramLaunch.Checked c = ProgramLaunch.check("prog 'open", dir.resolve("missing").toString(), "70000",
                dir.resolve("nothing.c").toString());
        assertThat(c.launch()).isEmpty();
        assertThat(c.problems()).hasSize(4);
        assertThat(c.problems().get(0)).startsWith("Command: a single quote is not closed");
        assertThat(c.problems().get(1)).startsWith("Working folder:").contains("is not a folder");
        assertThat(c.problems().get(2)).isEqualTo("Port: a whole number from 1 to 65535, or empty for any (got \"70000\").");
        assertThat(c.problems().get(3)).startsWith("Source file: cannot read");
        assertThat(ProgramLaunch.check("p", "", "nine", "").problems()).singleElement().asString().contains("\"nine\"");
        assertThat(ProgramLaunch.check("", "", "", "").problems()).singleElement().asString()
                .startsWith("Command: give the program to run");
    }
}
