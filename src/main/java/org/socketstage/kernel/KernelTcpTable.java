package org.socketstage.kernel;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The kernel's own view of the TCP sockets on one port. The system's table asks the kernel through sock_diag
 * ({@link SockDiag}, what {@code ss} uses: only our port's rows, and cheap); where that cannot be used, and for
 * tables captured under another root, it reads Linux's /proc: /proc/net/tcp and /proc/net/tcp6 (Java's sockets
 * are dual-stack and show up in tcp6 as IPv4-mapped addresses). Both give the same rows. The queue's limit and
 * the overflow counter come from /proc/sys/net/core/somaxconn and /proc/net/netstat. Where neither table can be
 * read (not Linux, or a sandbox that hides them) the answer is an unavailable snapshot, never a guess.
 */
public final class KernelTcpTable {

    public static final String NOT_AVAILABLE = "kernel view not available: /proc/net/tcp not found";

    static final Comparator<TcpSocketRow> READING_ORDER = new ReadingOrder();

    /**
     * Rows in the order a student reads them: the listener first, then by local and remote port, host, state and
     * inode. Written out rather than chained from Comparator's default methods: the JVM makes the classes of
     * those methods' lambdas at run time (the class archive cannot hold them), and the trace mode builds this
     * table on its way to listen(): four classes, about 10 ms of its start.
     */
    private static final class ReadingOrder implements Comparator<TcpSocketRow> {
        @Override
        public int compare(TcpSocketRow a, TcpSocketRow b) {
            int c = Boolean.compare(a.state() != TcpState.LISTEN, b.state() != TcpState.LISTEN);
            if (c == 0) {
                c = Integer.compare(a.localPort(), b.localPort());
            }
            if (c == 0) {
                c = Integer.compare(a.remotePort(), b.remotePort());
            }
            if (c == 0) {
                c = a.localHost().compareTo(b.localHost());
            }
            if (c == 0) {
                c = a.remoteHost().compareTo(b.remoteHost());
            }
            if (c == 0) {
                c = a.state().compareTo(b.state());
            }
            return c != 0 ? c : Long.compare(a.inode(), b.inode());
        }
    }

    private final Path root;
    private final TcpTableParser parser;
    /** Whether to ask sock_diag first: only for the running system, never for tables captured under a root. */
    private final boolean useSockDiag;

    /** Reads below {@code root} ("/" for the real system); words of addresses in this machine's byte order. */
    public KernelTcpTable(Path root) {
        this(root, ByteOrder.nativeOrder());
    }

    /** For tables captured on another machine: {@code wordOrder} is the byte order of the machine that wrote them. */
    public KernelTcpTable(Path root, ByteOrder wordOrder) {
        this(root, wordOrder, false);
    }

    private KernelTcpTable(Path root, ByteOrder wordOrder, boolean useSockDiag) {
        this.root = root;
        this.parser = new TcpTableParser(wordOrder);
        this.useSockDiag = useSockDiag;
    }

    /** This machine's table: sock_diag where the kernel answers it, /proc where not. */
    public static KernelTcpTable system() {
        return new KernelTcpTable(Path.of("/"), ByteOrder.nativeOrder(), true);
    }

    /** The one sock_diag client, made when first asked for: it loads libc through JNA. */
    private static final class SystemDiag {
        static final SockDiag INSTANCE = new SockDiag();
    }

    public boolean isAvailable() {
        return Files.isReadable(tcp4());
    }

    /**
     * What the kernel shows for {@code port}: every row whose local or remote port it is, the accept queue of
     * its LISTEN row and, when {@code backlog} is known (after listen()), the effective queue limit.
     * Should two sockets listen on the port (say 127.0.0.1 and ::1), the queue is that of the first in
     * {@link KernelSnapshot#rows()}, the same row as {@link KernelSnapshot#listenRow()}.
     */
    public KernelSnapshot snapshot(int port, OptionalInt backlog) {
        checkPort(port);
        Optional<List<TcpSocketRow>> all = askKernel(port, SockDiag.ALL_STATES).or(this::readAllRows);
        if (all.isEmpty()) {
            return KernelSnapshot.unavailable(port, NOT_AVAILABLE);
        }
        List<TcpSocketRow> rows = all.get().stream()
                .filter(r -> r.localPort() == port || r.remotePort() == port)
                .sorted(READING_ORDER)
                .toList();
        OptionalInt acceptQueue = rows.stream()
                .filter(r -> r.state() == TcpState.LISTEN && r.localPort() == port)
                .mapToInt(r -> (int) Math.min(Integer.MAX_VALUE, r.rxQueue()))
                .findFirst();
        OptionalInt somaxconn = somaxconn();
        return new KernelSnapshot(port, true, "", rows, acceptQueue, somaxconn,
                effectiveLimit(backlog, somaxconn), listenOverflows());
    }

    public KernelSnapshot snapshot(int port) {
        return snapshot(port, OptionalInt.empty());
    }

    /**
     * The listening sockets on {@code port} alone, in the order of {@link KernelSnapshot#rows()}, where the
     * kernel can be asked for them cheaply (sock_diag: it then never looks at the connections); empty where it
     * cannot, and for tables under another root. A watcher uses it to see that nothing changed without paying
     * for a whole read.
     */
    public Optional<List<TcpSocketRow>> listeners(int port) {
        checkPort(port);
        return askKernel(port, SockDiag.LISTEN_ONLY)
                .map(rows -> rows.stream().filter(r -> r.localPort() == port).sorted(READING_ORDER).toList());
    }

    /** Whether this table asks the kernel through sock_diag (false: it reads /proc). */
    public boolean asksKernel() {
        return useSockDiag && SystemDiag.INSTANCE.works();
    }

    private Optional<List<TcpSocketRow>> askKernel(int port, int states) {
        return useSockDiag ? SystemDiag.INSTANCE.rows(port, states) : Optional.empty();
    }

    /** Every row of both tables; empty when /proc/net/tcp cannot be read. */
    public Optional<List<TcpSocketRow>> readAllRows() {
        Optional<String> v4 = ProcFile.text(tcp4());
        if (v4.isEmpty()) {
            return Optional.empty();
        }
        List<TcpSocketRow> rows = new ArrayList<>(parser.parse(v4.get(), false));
        // A kernel booted without IPv6 has no tcp6: that is not an error, just no rows.
        ProcFile.text(root.resolve("proc/net/tcp6")).ifPresent(v6 -> rows.addAll(parser.parse(v6, true)));
        return Optional.of(rows);
    }

    public OptionalInt somaxconn() {
        return ProcFile.text(root.resolve("proc/sys/net/core/somaxconn"))
                .map(String::trim)
                .filter(s -> s.matches("\\d{1,9}"))
                .map(s -> OptionalInt.of(Integer.parseInt(s)))
                .orElse(OptionalInt.empty());
    }

    public OptionalLong listenOverflows() {
        return ProcFile.text(root.resolve("proc/net/netstat"))
                .map(text -> NetstatCounters.find(text, "TcpExt", "ListenOverflows"))
                .orElse(OptionalLong.empty());
    }

    /**
     * The kernel treats listen()'s backlog as unsigned and caps it at somaxconn, so a negative backlog
     * means "as many as somaxconn allows". The cap is applied when listen() runs; this uses today's
     * somaxconn, which is right unless someone changed the sysctl since.
     */
    static OptionalInt effectiveLimit(OptionalInt backlog, OptionalInt somaxconn) {
        if (backlog.isEmpty() || somaxconn.isEmpty()) {
            return OptionalInt.empty();
        }
        int b = backlog.getAsInt();
        int max = somaxconn.getAsInt();
        return OptionalInt.of(b < 0 ? max : Math.min(b, max));
    }

    static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535 to look it up in the kernel's TCP table, was "
                    + port + " (for a server bound to port 0, ask getsockname() for the port the kernel chose)");
        }
    }

    private Path tcp4() {
        return root.resolve("proc/net/tcp");
    }
}
