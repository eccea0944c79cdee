package org.socketstage.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The native backend reaches listen() without binding the direct mapping (JNA's costly first set-up), answers a
 * first client meanwhile, and switches to the direct mapping once it is bound. Checked in a JVM of its own: in this one, other tests bound it long ago.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NativeStartPathTest {

    @Test
    void listenComesBeforeTheDirectMappingAndAnEchoWorksAfterIt() throws Exception {
        assumeTrue(NativeSocketApi.isSupported(), "libc sockets are only on Linux and macOS");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                StartPathProbe.class.getName())).redirectErrorStream(true).start();
        assertThat(probe.waitFor(45, TimeUnit.SECONDS)).as("the probe ends").isTrue();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo(
                "boundBeforeListen=false bindingStartedByListen=true echo=ping directInUse=true echo=pong");
    }
}
