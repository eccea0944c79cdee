package org.socketstage.tracer.check;

import java.util.List;
import java.util.Optional;
import org.socketstage.kernel.KernelTcpTable;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;

/** What the kernel's TCP table says about the program's port, for the checks that wait on TCP states. */
final class KernelRows {

    private static final KernelTcpTable TABLE = KernelTcpTable.system();

    private KernelRows() {}

    /** The program's own end of the connection with this client, if the kernel still has it. */
    static Optional<TcpSocketRow> serverSide(int port, int clientPort) {
        return rows(port).stream().filter(r -> r.localPort() == port && r.remotePort() == clientPort).findFirst();
    }

    static boolean timeWait(int port) {
        return rows(port).stream().anyMatch(r -> r.localPort() == port && r.state() == TcpState.TIME_WAIT);
    }

    private static List<TcpSocketRow> rows(int port) {
        return TABLE.snapshot(port).rows();
    }
}
