package org.socketstage.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading who we are and what the kernel allows, from /proc files laid out in a temporary folder. */
class HostFactsTest {

    @TempDir
    Path root;

    private HostFacts host(String uid, String capEff, String unprivilegedStart, String nonLocal) throws IOException {
        Files.createDirectories(root.resolve("proc/self"));
        Files.createDirectories(root.resolve("proc/sys/net/ipv4"));
        Files.writeString(root.resolve("proc/self/status"), "Name:\tjava\nUid:\t" + uid + "\t" + uid + "\t" + uid
                + "\t" + uid + "\nCapInh:\t0000000000000000\nCapEff:\t" + capEff + "\n");
        if (unprivilegedStart != null) {
            Files.writeString(root.resolve("proc/sys/net/ipv4/ip_unprivileged_port_start"), unprivilegedStart + "\n");
        }
        Files.writeString(root.resolve("proc/sys/net/ipv4/ip_nonlocal_bind"), nonLocal + "\n");
        return new HostFacts(root);
    }

    @Test
    void anOrdinaryUserMayNotBindPort80() throws IOException {
        HostFacts h = host("1000", "0000000000000000", "1024", "0");
        assertThat(h.effectiveUid()).hasValue(1000);
        assertThat(h.mayBindPrivilegedPorts()).hasValue(false);
        assertThat(h.whyLowPortIsAllowed(80)).isEmpty();
        assertThat(h.nonLocalBind()).hasValue(0);
    }

    @Test
    void rootWithItsCapabilitiesMayAndTheReasonSaysSo() throws IOException {
        HostFacts h = host("0", "000001ffffffffff", "1024", "0");
        assertThat(h.whyLowPortIsAllowed(80)).hasValueSatisfying(w ->
                assertThat(w).contains("CAP_NET_BIND_SERVICE").contains("effective uid 0").contains("root"));
    }

    @Test
    void rootWithoutTheCapabilityIsRefusedLikeAnyoneElse() throws IOException {
        HostFacts h = host("0", "0000000000000000", "1024", "0");
        assertThat(h.whyLowPortIsAllowed(80)).isEmpty();
    }

    @Test
    void aLoweredUnprivilegedPortStartAllowsEveryone() throws IOException {
        HostFacts h = host("1000", "0000000000000000", "80", "1");
        assertThat(h.whyLowPortIsAllowed(80)).hasValueSatisfying(w -> assertThat(w).contains("ip_unprivileged_port_start is 80"));
        assertThat(h.whyLowPortIsAllowed(79)).isEmpty();
        assertThat(h.nonLocalBind()).hasValue(1);
    }

    @Test
    void withoutTheSysctlTheClassicLimitOf1024Applies() throws IOException {
        HostFacts h = host("1000", "0000000000000000", null, "0");
        assertThat(h.unprivilegedPortStart()).isEmpty();
        assertThat(h.whyLowPortIsAllowed(1023)).isEmpty();
        assertThat(h.whyLowPortIsAllowed(1024)).isPresent();
    }
}
