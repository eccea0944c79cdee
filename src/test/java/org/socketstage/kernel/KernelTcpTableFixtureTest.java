package org.socketstage.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelTcpTableFixtureTest {

    /** Port 51495 (0xC927): a dual-stack listener on ::ffff:127.0.0.1 with three clients not yet accepted. */
    private static final int DUAL_STACK_PORT = 51495;

    @Test
    void dualStackListenerShowsItsQueueAndBothSidesOfEachConnection() {
        KernelSnapshot s = Fixtures.table("dual-stack").snapshot(DUAL_STACK_PORT, OptionalInt.of(5));

        assertThat(s.available()).isTrue();
        assertThat(s.port()).isEqualTo(DUAL_STACK_PORT);
        assertThat(s.listenRow()).hasValueSatisfying(listen -> {
            assertThat(listen.local()).isEqualTo("127.0.0.1:51495");
            assertThat(listen.remote()).isEqualTo("[::]:0");
            assertThat(listen.rxQueue()).isEqualTo(3);
            assertThat(listen.txQueue()).isZero();
            assertThat(listen.inode()).isEqualTo(10345);
            assertThat(listen.ipv6Table()).isTrue();
        });
        assertThat(s.acceptQueue()).hasValue(3);
        assertThat(s.rows().get(0).state()).isEqualTo(TcpState.LISTEN);

        // client side (tcp, remote port is ours) and server side (tcp6, local port is ours)
        assertThat(s.rowsIn(TcpState.ESTABLISHED))
                .extracting(TcpSocketRow::local, TcpSocketRow::remote, TcpSocketRow::ipv6Table)
                .containsExactlyInAnyOrder(
                        tuple("127.0.0.1:48552", "127.0.0.1:51495", false),
                        tuple("127.0.0.1:48562", "127.0.0.1:51495", false),
                        tuple("127.0.0.1:48570", "127.0.0.1:51495", false),
                        tuple("127.0.0.1:51495", "127.0.0.1:48552", true),
                        tuple("127.0.0.1:51495", "127.0.0.1:48562", true),
                        tuple("127.0.0.1:51495", "127.0.0.1:48570", true));
        assertThat(s.rows()).hasSize(7).allMatch(r -> r.localPort() == DUAL_STACK_PORT || r.remotePort() == DUAL_STACK_PORT);
    }

    @Test
    void realIpv6RowsUseTheShortTextForm() {
        KernelSnapshot s = Fixtures.table("dual-stack").snapshot(0xAEE5);

        assertThat(s.listenRow()).hasValueSatisfying(listen -> {
            assertThat(listen.localHost()).isEqualTo("::1");
            assertThat(listen.remoteHost()).isEqualTo("::");
            assertThat(listen.local()).isEqualTo("[::1]:44773");
        });
        assertThat(s.acceptQueue()).hasValue(1);
        assertThat(s.rowsIn(TcpState.ESTABLISHED)).extracting(TcpSocketRow::local, TcpSocketRow::remote)
                .containsExactlyInAnyOrder(tuple("[::1]:44773", "[::1]:41346"), tuple("[::1]:41346", "[::1]:44773"));
    }

    @Test
    void wildcardListenerIsTheAllZeroAddress() {
        KernelSnapshot s = Fixtures.table("dual-stack").snapshot(0x8417);

        assertThat(s.rows()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(TcpState.LISTEN);
            assertThat(r.local()).isEqualTo("[::]:33815");
        });
    }

    @Test
    void effectiveLimitIsTheSmallerOfBacklogAndSomaxconn() {
        KernelTcpTable dual = Fixtures.table("dual-stack");
        KernelTcpTable timeWait = Fixtures.table("time-wait");

        assertThat(dual.snapshot(DUAL_STACK_PORT, OptionalInt.of(5)).effectiveLimit()).hasValue(5);
        assertThat(dual.snapshot(DUAL_STACK_PORT, OptionalInt.of(5)).somaxconn()).hasValue(4096);
        assertThat(timeWait.snapshot(44511, OptionalInt.of(200)).somaxconn()).hasValue(128);
        assertThat(timeWait.snapshot(44511, OptionalInt.of(200)).effectiveLimit()).hasValue(128);
        assertThat(timeWait.snapshot(44511, OptionalInt.of(-1)).effectiveLimit()).hasValue(128);
        assertThat(timeWait.snapshot(44511).effectiveLimit()).isEmpty();
    }

    @Test
    void listenOverflowsComesFromTheTcpExtPairNotFromMptcp() {
        // the fixture is this machine's /proc/net/netstat with ListenOverflows edited from 0 to 7
        assertThat(Fixtures.table("dual-stack").snapshot(DUAL_STACK_PORT).listenOverflows()).hasValue(7);
        assertThat(Fixtures.table("time-wait").snapshot(44511).listenOverflows()).isEmpty();
    }

    @Test
    void netstatPairsAreMatchedByPrefixAndPosition() {
        String netstat = """
                MPTcpExt: ListenOverflows Other
                MPTcpExt: 99 98
                TcpExt: SyncookiesSent ListenOverflows ListenDrops
                TcpExt: 1 42 43
                IpExt: InNoRoutes
                IpExt: 5
                """;
        assertThat(NetstatCounters.find(netstat, "TcpExt", "ListenOverflows")).isEqualTo(OptionalLong.of(42));
        assertThat(NetstatCounters.find(netstat, "TcpExt", "NoSuchCounter")).isEmpty();
        assertThat(NetstatCounters.find("TcpExt: ListenOverflows\n", "TcpExt", "ListenOverflows")).isEmpty();
        assertThat(NetstatCounters.find("TcpExt: ListenOverflows\nTcpExt: many\n", "TcpExt", "ListenOverflows")).isEmpty();
    }

    @Test
    void timeWaitRowBelongsToNoProcess() {
        KernelSnapshot s = Fixtures.table("time-wait").snapshot(44511);

        assertThat(s.rowsIn(TcpState.TIME_WAIT)).singleElement().satisfies(r -> {
            assertThat(r.local()).isEqualTo("127.0.0.1:44511");
            assertThat(r.remote()).isEqualTo("127.0.0.1:51172");
            assertThat(r.inode()).isZero();
        });
        assertThat(s.acceptQueue()).hasValue(0);
        assertThat(s.rows()).extracting(TcpSocketRow::state).containsExactly(TcpState.LISTEN, TcpState.TIME_WAIT);
    }

    @Test
    void malformedLinesAreSkippedAndTheRestIsRead() {
        KernelSnapshot s = Fixtures.table("malformed").snapshot(0x8103);

        assertThat(s.available()).isTrue();
        assertThat(s.rows()).extracting(TcpSocketRow::state, TcpSocketRow::local, TcpSocketRow::remote)
                .containsExactly(
                        tuple(TcpState.LISTEN, "127.0.0.1:33027", "0.0.0.0:0"),
                        tuple(TcpState.FIN_WAIT2, "127.0.0.1:33027", "127.0.0.1:57086"),
                        tuple(TcpState.CLOSE_WAIT, "127.0.0.1:57086", "127.0.0.1:33027"));
        assertThat(s.acceptQueue()).hasValue(2);
        assertThat(s.rowsIn(TcpState.CLOSE_WAIT)).singleElement()
                .satisfies(r -> assertThat(r.rxQueue()).isEqualTo(1));
    }

    @Test
    void portWithoutListenerHasNoAcceptQueue() {
        KernelSnapshot s = Fixtures.table("dual-stack").snapshot(9);

        assertThat(s.available()).isTrue();
        assertThat(s.rows()).isEmpty();
        assertThat(s.acceptQueue()).isEmpty();
        assertThat(s.listenRow()).isEmpty();
    }

    @Test
    void missingProcMeansUnavailableWithTheReason(@TempDir Path empty) {
        KernelSnapshot s = new KernelTcpTable(empty).snapshot(9090, OptionalInt.of(5));

        assertThat(s.available()).isFalse();
        assertThat(s.unavailableReason()).isEqualTo("kernel view not available: /proc/net/tcp not found");
        assertThat(s.rows()).isEmpty();
        assertThat(s.acceptQueue()).isEmpty();
        assertThat(s.effectiveLimit()).isEmpty();
        assertThat(new KernelTcpTable(empty).isAvailable()).isFalse();
    }

    @Test
    void tcp6IsOptionalButTcpIsNot(@TempDir Path root) throws IOException {
        Path net = Files.createDirectories(root.resolve("proc/net"));
        Files.copy(Fixtures.root("time-wait").resolve("proc/net/tcp"), net.resolve("tcp"));
        KernelTcpTable table = new KernelTcpTable(root, ByteOrder.LITTLE_ENDIAN);

        KernelSnapshot s = table.snapshot(44511, OptionalInt.of(5));
        assertThat(s.available()).isTrue();
        assertThat(s.rows()).hasSize(2);
        assertThat(s.somaxconn()).isEmpty();
        assertThat(s.effectiveLimit()).as("no somaxconn: no guess").isEmpty();
    }

    @Test
    void portOutsideTheTcpRangeIsRefusedClearly() {
        KernelTcpTable table = Fixtures.table("dual-stack");
        assertThatThrownBy(() -> table.snapshot(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port must be 1-65535").hasMessageContaining("was 0");
        assertThatThrownBy(() -> table.snapshot(70000)).hasMessageContaining("was 70000");
    }
}
