package org.socketstage.kernel;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socketstage.socket.JnaQuickStart;
import org.socketstage.socket.Platform;

/**
 * The kernel's TCP sockets on one port, asked for through Linux's sock_diag netlink interface (what {@code ss}
 * uses) instead of /proc/net/tcp. The request carries a filter for the port, so the kernel sends only our rows,
 * as binary records, and a request for listening sockets alone never walks the table of connections at all:
 * about 0.06 ms here, where reading /proc/net/tcp and tcp6 costs about 10 ms (the kernel walks every bucket of
 * its connection table for each file, and twice, however few sockets there are).
 *
 * <p>Every answer is bounded ({@link #MAX_ROWS} rows, {@link #MAX_READS} reads of {@link #BUFFER_SIZE} bytes, a
 * one-second receive timeout) and checked record by record; anything unexpected makes the answer empty, and
 * the caller reads /proc instead. Where the interface itself is missing (not Linux, an old kernel, a sandbox
 * that forbids netlink) {@link #works()} turns false after the first try and it is not asked again.
 */
final class SockDiag {

    static final int MAX_ROWS = 65_536;
    static final int MAX_READS = 4_096;
    static final int BUFFER_SIZE = 32 * 1024;

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int NETLINK_SOCK_DIAG = 4;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int IPPROTO_TCP = 6;

    private static final int NLMSG_HEADER = 16;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final int SOCK_DIAG_BY_FAMILY = 20;
    private static final int NLM_F_REQUEST = 0x1;
    private static final int NLM_F_DUMP = 0x300;
    private static final int INET_DIAG_REQ_BYTECODE = 1;
    private static final int INET_DIAG_MSG = 72;

    private static final int BC_JMP = 1;
    private static final int BC_S_GE = 2;
    private static final int BC_S_LE = 3;
    private static final int BC_D_GE = 4;
    private static final int BC_D_LE = 5;

    /** Every TCP state, and the listening one alone (bit {@code 1 << TCP_LISTEN}). */
    static final int ALL_STATES = 0xFFF;
    static final int LISTEN_ONLY = 1 << 10;

    private volatile boolean works = Calls.AVAILABLE;

    /** False once the interface proved missing or refused; then callers read /proc. */
    boolean works() {
        return works;
    }

    /**
     * The rows of both families whose local or remote port is {@code port} and whose state is in
     * {@code states} (a bit mask of TCP states); empty if the kernel could not be asked or its answer was not
     * what this expects.
     */
    Optional<List<TcpSocketRow>> rows(int port, int states) {
        if (!works) {
            return Optional.empty();
        }
        int fd;
        try {
            fd = Calls.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
        } catch (LastErrorException e) {
            works = false;
            return Optional.empty();
        }
        try {
            Calls.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, new long[] {1, 0}, 16);
            List<TcpSocketRow> rows = new ArrayList<>();
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int family : new int[] {AF_INET, AF_INET6}) {
                byte[] request = request(family, states, port, 1);
                Calls.sendto(fd, request, request.length, 0, KERNEL_ADDRESS, KERNEL_ADDRESS.length);
                Answer answer = Answer.MORE;
                for (int reads = 0; answer == Answer.MORE; reads++) {
                    if (reads == MAX_READS) {
                        return Optional.empty();
                    }
                    long n = Calls.recv(fd, buffer, buffer.length, 0);
                    answer = parse(buffer, (int) n, family, rows);
                }
                if (answer == Answer.REFUSED) {
                    works = false; // the kernel does not take this request: it will not later either
                    return Optional.empty();
                }
                if (answer != Answer.DONE) {
                    return Optional.empty();
                }
            }
            return Optional.of(rows);
        } catch (LastErrorException e) {
            return Optional.empty(); // a timeout or an interrupted call: this answer only, /proc tells instead
        } finally {
            try {
                Calls.close(fd);
            } catch (LastErrorException ignored) {
                // nothing more can be done about a netlink socket that will not close
            }
        }
    }

    /** sockaddr_nl of the kernel: family, padding, port id 0, no groups. */
    private static final byte[] KERNEL_ADDRESS = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder())
            .putShort((short) AF_NETLINK).array();

    /** A dump request: nlmsghdr, inet_diag_req_v2 and the port filter as its bytecode attribute. */
    static byte[] request(int family, int states, int port, int sequence) {
        byte[] filter = portFilter(port);
        int length = NLMSG_HEADER + 56 + 4 + filter.length;
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        b.putInt(length).putShort((short) SOCK_DIAG_BY_FAMILY).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
                .putInt(sequence).putInt(0);
        b.put((byte) family).put((byte) IPPROTO_TCP).put((byte) 0).put((byte) 0).putInt(states);
        b.position(b.position() + 48); // inet_diag_sockid: not used by a dump, the filter chooses
        b.putShort((short) (4 + filter.length)).putShort((short) INET_DIAG_REQ_BYTECODE).put(filter);
        return b.array();
    }

    /**
     * "local port is P, or remote port is P" in the kernel's filter language (inet_diag_bc_op: code, the
     * bytes to skip when true, when false). Equality is written as {@code >= P and <= P}, which every
     * kernel with this interface knows; the port is the "no" field of the op after the comparison, in this
     * machine's byte order. A filter passes when it runs exactly to its end and fails when it
     * jumps past it; the kernel checks that the "true" jumps walk through every op, hence the JMP over the
     * second test.
     */
    static byte[] portFilter(int port) {
        ByteBuffer b = ByteBuffer.allocate(36).order(ByteOrder.nativeOrder());
        op(op(b, BC_S_GE, 8, 20), 0, 0, port);  // 0: local >= P, else try the remote port at 20
        op(op(b, BC_S_LE, 8, 12), 0, 0, port);  // 8: local <= P, else try the remote port at 20
        op(b, BC_JMP, 4, 20);                    // 16: local port matched: jump to the end, 36
        op(op(b, BC_D_GE, 8, 20), 0, 0, port);  // 20: remote >= P, else past the end (fail)
        op(op(b, BC_D_LE, 8, 12), 0, 0, port);  // 28: remote <= P: the end (pass), else past it (fail)
        return b.array();
    }

    private static ByteBuffer op(ByteBuffer b, int code, int yes, int no) {
        return b.put((byte) code).put((byte) yes).putShort((short) no);
    }

    enum Answer { MORE, DONE, REFUSED, MALFORMED, TOO_MANY }

    /**
     * Reads one datagram of the kernel's answer into {@code rows}: MORE if the dump goes on, DONE at its end,
     * REFUSED if the kernel answered the request with an error, MALFORMED or TOO_MANY if it must be dropped.
     */
    static Answer parse(byte[] data, int length, int family, List<TcpSocketRow> rows) {
        if (length < 0 || length > data.length) {
            return Answer.MALFORMED;
        }
        ByteBuffer b = ByteBuffer.wrap(data, 0, length).order(ByteOrder.nativeOrder());
        int at = 0;
        while (at + NLMSG_HEADER <= length) {
            int messageLength = b.getInt(at);
            int type = b.getShort(at + 4) & 0xFFFF;
            if (messageLength < NLMSG_HEADER || messageLength > length - at) {
                return Answer.MALFORMED;
            }
            if (type == NLMSG_DONE) {
                // a dump's end carries an error number; a negative one means the dump broke off
                boolean whole = messageLength < NLMSG_HEADER + 4 || b.getInt(at + NLMSG_HEADER) >= 0;
                return whole ? Answer.DONE : Answer.MALFORMED;
            }
            if (type == NLMSG_ERROR) {
                return Answer.REFUSED;
            }
            if (type != SOCK_DIAG_BY_FAMILY || messageLength < NLMSG_HEADER + INET_DIAG_MSG) {
                return Answer.MALFORMED;
            }
            Optional<TcpSocketRow> row = row(b, at + NLMSG_HEADER, family);
            if (row.isEmpty()) {
                return Answer.MALFORMED;
            }
            if (rows.size() == MAX_ROWS) {
                return Answer.TOO_MANY;
            }
            rows.add(row.get());
            at += (messageLength + 3) & ~3;
        }
        return at == length ? Answer.MORE : Answer.MALFORMED;
    }

    /** One inet_diag_msg: family, state, timer, retransmits, the socket's id, then five 32-bit counters. */
    private static Optional<TcpSocketRow> row(ByteBuffer b, int at, int family) {
        if ((b.get(at) & 0xFF) != family) {
            return Optional.empty();
        }
        int state = b.get(at + 1) & 0xFF;
        int localPort = ((b.get(at + 4) & 0xFF) << 8) | (b.get(at + 5) & 0xFF);
        int remotePort = ((b.get(at + 6) & 0xFF) << 8) | (b.get(at + 7) & 0xFF);
        int addressBytes = family == AF_INET ? 4 : 16;
        byte[] local = new byte[addressBytes];
        byte[] remote = new byte[addressBytes];
        b.get(at + 8, local);
        b.get(at + 24, remote);
        long rqueue = b.getInt(at + 56) & 0xFFFF_FFFFL;
        long wqueue = b.getInt(at + 60) & 0xFFFF_FFFFL;
        long inode = b.getInt(at + 68) & 0xFFFF_FFFFL;
        TcpState tcpState = TcpState.fromCode(state);
        // For a listener the kernel puts its queue's limit where /proc/net/tcp shows 0: keep /proc's meaning.
        long txQueue = tcpState == TcpState.LISTEN ? 0 : wqueue;
        return Optional.of(new TcpSocketRow(tcpState, KernelAddress.host(local), localPort,
                KernelAddress.host(remote), remotePort, txQueue, rqueue, inode, family == AF_INET6));
    }

    /** The four libc calls, bound by JNA's direct mapping when this class is first used. */
    private static final class Calls {
        static final boolean AVAILABLE;

        static {
            boolean bound = false;
            if (Platform.current() == Platform.LINUX) {
                try {
                    JnaQuickStart.apply();
                    Native.register(Calls.class, NativeLibrary.getInstance("c"));
                    bound = true;
                } catch (LinkageError | RuntimeException e) {
                    bound = false;
                }
            }
            AVAILABLE = bound;
        }

        static native int socket(int domain, int type, int protocol) throws LastErrorException;

        static native int setsockopt(int fd, int level, int name, long[] value, int length) throws LastErrorException;

        static native long sendto(int fd, byte[] data, long length, int flags, byte[] address, int addressLength)
                throws LastErrorException;

        static native long recv(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

        static native int close(int fd) throws LastErrorException;
    }
}
