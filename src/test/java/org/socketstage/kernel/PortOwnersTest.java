package org.socketstage.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PortOwnersTest {

    /** In the time-wait fixture: 44511 is listened on (inode 6779), 2024 too (inode 1065), 33027 only in TIME_WAIT. */
    private static final int HELD = 44511;
    private static final int HELD_BY_SOMEONE_UNSEEN = 2024;
    private static final int ONLY_TIME_WAIT = 33027;

    @Test
    void findsTheProcessWhoseFdLinksToTheListeningInode(@TempDir Path root) throws IOException {
        PortOwners owners = fakeProc(root);

        assertThat(owners.find(HELD)).singleElement().satisfies(owner -> {
            assertThat(owner.pid()).isEqualTo(4242);
            assertThat(owner.commandLine()).isEqualTo("python3 -m http.server 44511");
            assertThat(owner.row().state()).isEqualTo(TcpState.LISTEN);
            assertThat(owner.row().inode()).isEqualTo(6779);
        });
        assertThat(owners.describe(HELD))
                .isEqualTo("port 44511 is held by pid 4242 (python3 -m http.server 44511) LISTEN 127.0.0.1:44511");
    }

    @Test
    void saysUnknownWhenNoVisibleProcessHoldsTheSocket(@TempDir Path root) throws IOException {
        PortOwners owners = fakeProc(root);

        assertThat(owners.find(HELD_BY_SOMEONE_UNSEEN)).isEmpty();
        assertThat(owners.describe(HELD_BY_SOMEONE_UNSEEN))
                .isEqualTo("port 2024 is held by a process we may not inspect (LISTEN 0.0.0.0:2024): owner unknown");
    }

    @Test
    void timeWaitHasNoOwnerAndSaysSo(@TempDir Path root) throws IOException {
        PortOwners owners = fakeProc(root);

        assertThat(owners.find(ONLY_TIME_WAIT)).isEmpty();
        assertThat(owners.describe(ONLY_TIME_WAIT)).contains("no process holds").contains("TIME_WAIT 127.0.0.1:33027");
        assertThat(owners.describe(9)).isEqualTo("no TCP socket uses port 9 in the kernel's tables");
    }

    @Test
    void withoutProcNothingIsGuessed(@TempDir Path root) {
        PortOwners owners = new PortOwners(root, new KernelTcpTable(root));

        assertThat(owners.find(HELD)).isEmpty();
        assertThat(owners.describe(HELD)).isEqualTo(KernelTcpTable.NOT_AVAILABLE);
        assertThatThrownBy(() -> owners.find(-1)).hasMessageContaining("1-65535");
    }

    @Test
    void findsThisJvmListeningOnARealPort() throws IOException {
        LiveKernel.assumeAvailable();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            int port = server.getLocalPort();

            var owners = PortOwners.system().find(port);

            assertThat(owners).anySatisfy(owner -> {
                assertThat(owner.pid()).isEqualTo(ProcessHandle.current().pid());
                assertThat(owner.row().state()).isEqualTo(TcpState.LISTEN);
                assertThat(owner.row().localPort()).isEqualTo(port);
                assertThat(owner.commandLine()).contains("java").doesNotContain("\0");
            });
            assertThat(PortOwners.system().describe(port)).contains("pid " + ProcessHandle.current().pid());
        }
    }

    /**
     * A /proc with the time-wait fixture's tables and two processes: 4242 holds the listener on 44511
     * (fd 3 links to socket:[6779]), 77 holds unrelated files and a socket of no interest.
     */
    private static PortOwners fakeProc(Path root) throws IOException {
        Path net = Files.createDirectories(root.resolve("proc/net"));
        Files.copy(Fixtures.root("time-wait").resolve("proc/net/tcp"), net.resolve("tcp"));
        Path fd4242 = Files.createDirectories(root.resolve("proc/4242/fd"));
        Files.createSymbolicLink(fd4242.resolve("0"), Path.of("/dev/null"));
        Files.createSymbolicLink(fd4242.resolve("3"), Path.of("socket:[6779]"));
        Files.createSymbolicLink(fd4242.resolve("4"), Path.of("pipe:[6779]"));
        Files.write(root.resolve("proc/4242/cmdline"),
                ("python3\0-m\0http.server\0" + "44511\0")
                        .getBytes(StandardCharsets.UTF_8));
        Path fd77 = Files.createDirectories(root.resolve("proc/77/fd"));
        Files.createSymbolicLink(fd77.resolve("5"), Path.of("socket:[99999]"));
        Files.write(root.resolve("proc/77/cmdline"), new byte[0]);
        Files.writeString(root.resolve("proc/77/comm"), "kworker\n");
        Files.createDirectories(root.resolve("proc/self"));
        return new PortOwners(root, new KernelTcpTable(root, ByteOrder.LITTLE_ENDIAN));
    }
}
