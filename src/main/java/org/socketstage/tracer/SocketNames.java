package org.socketstage.tracer;

import java.util.Map;

/**
 * The symbolic names strace writes for the numbers in socket calls: address families, socket types, option
 * levels and names, MSG_ flags, shutdown directions and poll events. Linux values, the same on x86_64 and
 * aarch64. A number with no name is written as a number.
 */
final class SocketNames {

    static final int AF_UNIX = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_STREAM = 1;
    static final int SOCK_TYPE_MASK = 0xf;
    static final int SOL_SOCKET = 1;
    static final int SO_LINGER = 13;
    static final int F_DUPFD = 0;
    static final int F_DUPFD_CLOEXEC = 1030;

    private static final Map<Integer, String> FAMILIES = Map.of(AF_UNIX, "AF_UNIX", AF_INET, "AF_INET",
            AF_INET6, "AF_INET6", 16, "AF_NETLINK", 17, "AF_PACKET");
    private static final Map<Integer, String> TYPES = Map.of(1, "SOCK_STREAM", 2, "SOCK_DGRAM", 3, "SOCK_RAW",
            5, "SOCK_SEQPACKET");
    private static final int[] TYPE_FLAGS = {0x800, 0x80000};
    private static final String[] TYPE_FLAG_NAMES = {"SOCK_NONBLOCK", "SOCK_CLOEXEC"};
    private static final Map<Integer, String> PROTOCOLS = Map.of(0, "IPPROTO_IP", 6, "IPPROTO_TCP",
            17, "IPPROTO_UDP", 41, "IPPROTO_IPV6");
    private static final Map<Integer, String> LEVELS = Map.of(SOL_SOCKET, "SOL_SOCKET", 0, "SOL_IP",
            6, "SOL_TCP", 41, "SOL_IPV6");
    private static final Map<Integer, String> SOCKET_OPTIONS = Map.ofEntries(Map.entry(1, "SO_DEBUG"),
            Map.entry(2, "SO_REUSEADDR"), Map.entry(3, "SO_TYPE"), Map.entry(4, "SO_ERROR"),
            Map.entry(5, "SO_DONTROUTE"), Map.entry(6, "SO_BROADCAST"), Map.entry(7, "SO_SNDBUF"),
            Map.entry(8, "SO_RCVBUF"), Map.entry(9, "SO_KEEPALIVE"), Map.entry(10, "SO_OOBINLINE"),
            Map.entry(12, "SO_PRIORITY"), Map.entry(SO_LINGER, "SO_LINGER"), Map.entry(15, "SO_REUSEPORT"),
            Map.entry(18, "SO_RCVLOWAT"), Map.entry(19, "SO_SNDLOWAT"), Map.entry(20, "SO_RCVTIMEO_OLD"),
            Map.entry(21, "SO_SNDTIMEO_OLD"), Map.entry(30, "SO_ACCEPTCONN"));
    private static final Map<Integer, String> TCP_OPTIONS = Map.of(1, "TCP_NODELAY", 2, "TCP_MAXSEG", 3, "TCP_CORK",
            4, "TCP_KEEPIDLE", 5, "TCP_KEEPINTVL", 6, "TCP_KEEPCNT", 9, "TCP_DEFER_ACCEPT", 12, "TCP_QUICKACK",
            18, "TCP_USER_TIMEOUT", 23, "TCP_FASTOPEN");
    private static final Map<Integer, String> IPV6_OPTIONS = Map.of(26, "IPV6_V6ONLY");
    private static final int[] MSG_FLAGS = {0x1, 0x2, 0x4, 0x8, 0x20, 0x40, 0x80, 0x100, 0x4000, 0x8000, 0x40000000};
    private static final String[] MSG_NAMES = {"MSG_OOB", "MSG_PEEK", "MSG_DONTROUTE", "MSG_CTRUNC", "MSG_TRUNC",
        "MSG_DONTWAIT", "MSG_EOR", "MSG_WAITALL", "MSG_NOSIGNAL", "MSG_MORE", "MSG_CMSG_CLOEXEC"};
    private static final String[] SHUTDOWN = {"SHUT_RD", "SHUT_WR", "SHUT_RDWR"};
    private static final int[] POLL_FLAGS = {0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x2000};
    private static final String[] POLL_NAMES = {"POLLIN", "POLLPRI", "POLLOUT", "POLLERR", "POLLHUP", "POLLNVAL",
        "POLLRDNORM", "POLLRDBAND", "POLLWRNORM", "POLLWRBAND", "POLLRDHUP"};

    private SocketNames() {}

    static String family(int family) {
        return FAMILIES.getOrDefault(family, Integer.toString(family));
    }

    /** {@code SOCK_STREAM|SOCK_CLOEXEC}. */
    static String type(int type) {
        String base = TYPES.getOrDefault(type & SOCK_TYPE_MASK, Integer.toString(type & SOCK_TYPE_MASK));
        return base + flagText(type & ~SOCK_TYPE_MASK, TYPE_FLAGS, TYPE_FLAG_NAMES, true);
    }

    /** accept4's flags: {@code SOCK_CLOEXEC}, or 0. */
    static String acceptFlags(int flags) {
        String text = flagText(flags, TYPE_FLAGS, TYPE_FLAG_NAMES, false);
        return text.isEmpty() ? "0" : text;
    }

    static String protocol(int protocol) {
        return PROTOCOLS.getOrDefault(protocol, Integer.toString(protocol));
    }

    static String level(int level) {
        return LEVELS.getOrDefault(level, Integer.toString(level));
    }

    static String option(int level, int name) {
        Map<Integer, String> names = switch (level) {
            case SOL_SOCKET -> SOCKET_OPTIONS;
            case 6 -> TCP_OPTIONS;
            case 41 -> IPV6_OPTIONS;
            default -> Map.of();
        };
        return names.getOrDefault(name, Integer.toString(name));
    }

    /** send/recv flags: {@code MSG_NOSIGNAL}, {@code MSG_DONTWAIT|MSG_NOSIGNAL}, or 0. */
    static String msgFlags(int flags) {
        String text = flagText(flags, MSG_FLAGS, MSG_NAMES, false);
        return text.isEmpty() ? "0" : text;
    }

    static String shutdownHow(int how) {
        return how >= 0 && how < SHUTDOWN.length ? SHUTDOWN[how] : Integer.toString(how);
    }

    static String pollEvents(int events) {
        String text = flagText(events, POLL_FLAGS, POLL_NAMES, false);
        return text.isEmpty() ? "0" : text;
    }

    private static String flagText(int value, int[] bits, String[] names, boolean leadingBar) {
        StringBuilder sb = new StringBuilder();
        int left = value;
        for (int i = 0; i < bits.length; i++) {
            if ((value & bits[i]) != 0) {
                if (sb.length() > 0 || leadingBar) {
                    sb.append('|');
                }
                sb.append(names[i]);
                left &= ~bits[i];
            }
        }
        if (left != 0) {
            if (sb.length() > 0 || leadingBar) {
                sb.append('|');
            }
            sb.append("0x").append(Integer.toHexString(left));
        }
        return sb.toString();
    }
}
