package org.socketstage.tracer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.socketstage.kernel.KernelTcpTable;
import org.socketstage.kernel.TcpSocketRow;
import org.socketstage.kernel.TcpState;
import org.socketstage.socket.SockAddrIn;

/**
 * What /proc says about a traced process's descriptors: whether a descriptor the tracer has not seen created
 * is a socket (it was inherited, or created before an exec), what a socket is from the kernel's TCP table,
 * and how many descriptors a process holds.
 */
final class ProcFds {

    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
    private static final Pattern DOTTED = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final KernelTcpTable table;
    private volatile String stdoutPipe;
    private volatile String stderrPipe;

    ProcFds(KernelTcpTable table) {
        this.table = table;
    }

    /**
     * Notes which pipes are the program's standard output and error (what fd 1 and 2 lead to at its start),
     * so that a write is recognised as output whatever descriptor number it goes through later.
     */
    void rememberOutputs(int pid) {
        stdoutPipe = link(pid, 1);
        stderrPipe = link(pid, 2);
    }

    private static String link(int pid, int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Integer.toString(pid), "fd", Integer.toString(fd))).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** The socket inode behind fd, -1 when fd is open but not a socket, empty when fd is not open. */
    OptionalLong socketInode(int pid, int fd) {
        Path link = Path.of("/proc", Integer.toString(pid), "fd", Integer.toString(fd));
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalLong.empty();
        }
        Matcher m = SOCKET_LINK.matcher(target);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.of(-1);
    }

    /** What a descriptor first seen in a read, write or close is. */
    OpenFd classify(int pid, int fd) {
        OptionalLong inode = socketInode(pid, fd);
        if (inode.isEmpty()) {
            return OpenFd.NOT_SOCKET;
        }
        if (inode.getAsLong() < 0) {
            String target = link(pid, fd);
            return target == null ? OpenFd.NOT_SOCKET : target.equals(stdoutPipe) ? OpenFd.STDOUT
                    : target.equals(stderrPipe) ? OpenFd.STDERR : OpenFd.NOT_SOCKET;
        }
        Optional<TcpSocketRow> row = row(inode.getAsLong());
        if (row.isEmpty()) {
            return OpenFd.HIDDEN;
        }
        TcpSocketRow r = row.get();
        if (r.state() == TcpState.LISTEN) {
            return OpenFd.LISTENER;
        }
        return OpenFd.accepted(ipv4(r.remoteHost(), r.remotePort()), r.remote());
    }

    /** The kernel's row for a socket inode (a TCP socket that is listening or connected). */
    Optional<TcpSocketRow> row(long inode) {
        return table.readAllRows().flatMap(rows -> rows.stream().filter(r -> r.inode() == inode).findFirst());
    }

    /** The local port of the socket behind fd, from the kernel's table: the port listen() really uses. */
    int localPort(int pid, int fd) {
        OptionalLong inode = socketInode(pid, fd);
        if (inode.isEmpty() || inode.getAsLong() <= 0) {
            return -1;
        }
        return row(inode.getAsLong()).map(TcpSocketRow::localPort).orElse(-1);
    }

    /** The remote end of a connected socket, from the kernel's table. */
    Optional<TcpSocketRow> connectionRow(int pid, int fd) {
        OptionalLong inode = socketInode(pid, fd);
        return inode.isEmpty() || inode.getAsLong() <= 0 ? Optional.empty() : row(inode.getAsLong());
    }

    /** How many descriptors the process holds, or -1 once it is gone. */
    static int count(int pid) {
        try (Stream<Path> s = Files.list(Path.of("/proc", Integer.toString(pid), "fd"))) {
            return (int) s.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static List<Integer> listFds(int pid) {
        try (Stream<Path> s = Files.list(Path.of("/proc", Integer.toString(pid), "fd"))) {
            return s.map(p -> Integer.parseInt(p.getFileName().toString())).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    static SockAddrIn ipv4(String host, int port) {
        if (host == null || !DOTTED.matcher(host).matches()) {
            return null;
        }
        String[] p = host.split("\\.");
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            b[i] = (byte) Integer.parseInt(p[i]);
        }
        return new SockAddrIn(b, port);
    }
}
