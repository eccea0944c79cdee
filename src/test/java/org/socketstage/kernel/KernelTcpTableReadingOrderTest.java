package org.socketstage.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The order in which the kernel's rows are shown: the listener first, then ports, hosts, state and inode. */
class KernelTcpTableReadingOrderTest {

    private static TcpSocketRow row(TcpState state, String localHost, int localPort, String remoteHost, int remotePort,
            long inode) {
        return new TcpSocketRow(state, localHost, localPort, remoteHost, remotePort, 0, 0, inode, false);
    }

    @Test
    void eachKeyDecidesOnlyWhenTheOnesBeforeItAreEqual() {
        List<TcpSocketRow> expected = List.of(
                row(TcpState.LISTEN, "127.0.0.1", 9090, "0.0.0.0", 0, 7),
                row(TcpState.LISTEN, "::1", 9090, "::", 0, 3),                      // a listener before any other row
                row(TcpState.ESTABLISHED, "127.0.0.1", 9090, "127.0.0.1", 40000, 9),
                row(TcpState.ESTABLISHED, "127.0.0.1", 9090, "127.0.0.1", 40001, 1), // remote port after local port
                row(TcpState.ESTABLISHED, "127.0.0.1", 9090, "127.0.0.2", 40001, 1), // remote host after the ports
                row(TcpState.TIME_WAIT, "127.0.0.1", 9090, "127.0.0.2", 40001, 0),   // state after the hosts
                row(TcpState.TIME_WAIT, "127.0.0.1", 9090, "127.0.0.2", 40001, 5),   // inode last
                row(TcpState.ESTABLISHED, "127.0.0.1", 40000, "127.0.0.1", 9090, 2),
                row(TcpState.ESTABLISHED, "::1", 40000, "::1", 9090, 2));            // local host after the ports
        for (long seed = 0; seed < 20; seed++) {
            List<TcpSocketRow> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, new Random(seed));
            shuffled.sort(KernelTcpTable.READING_ORDER);
            assertThat(shuffled).as("seed %d", seed).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void equalRowsCompareEqualAndTheOrderIsAntisymmetric() {
        TcpSocketRow a = row(TcpState.ESTABLISHED, "127.0.0.1", 9090, "127.0.0.1", 40000, 9);
        TcpSocketRow b = row(TcpState.LISTEN, "127.0.0.1", 9091, "0.0.0.0", 0, 1);
        assertThat(KernelTcpTable.READING_ORDER.compare(a, row(TcpState.ESTABLISHED, "127.0.0.1", 9090, "127.0.0.1",
                40000, 9))).isZero();
        assertThat(KernelTcpTable.READING_ORDER.compare(a, b)).isPositive();
        assertThat(KernelTcpTable.READING_ORDER.compare(b, a)).isNegative();
    }
}
