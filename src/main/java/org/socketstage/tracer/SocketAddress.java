package org.socketstage.tracer;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.socketstage.socket.SockAddrIn;

/**
 * A socket address read from a tracee's memory, written as strace writes it. {@code ipv4} is set for AF_INET
 * and for IPv4 addresses mapped into AF_INET6 (how a dual-stack server sees IPv4 clients), so the views that
 * know IPv4 can show the peer; {@code raw} are the bytes exactly as the program passed them.
 */
record SocketAddress(String text, SockAddrIn ipv4, int port, byte[] raw) {

    static SocketAddress decode(byte[] raw) {
        if (raw == null || raw.length < 2) {
            return new SocketAddress("...", null, -1, raw);
        }
        int family = (raw[0] & 0xff) | (raw[1] & 0xff) << 8;
        int port = raw.length >= 4 ? (raw[2] & 0xff) << 8 | (raw[3] & 0xff) : -1;
        if (family == SocketNames.AF_INET && raw.length >= 8) {
            SockAddrIn a = new SockAddrIn(Arrays.copyOfRange(raw, 4, 8), port);
            return new SocketAddress(a.straceText(), a, port, raw);
        }
        if (family == SocketNames.AF_INET6 && raw.length >= 24) {
            byte[] address = Arrays.copyOfRange(raw, 8, 24);
            SockAddrIn mapped = mappedIpv4(address, port);
            // flowinfo is in network byte order, scope_id in the machine's (little-endian on x86_64 and aarch64)
            long flowinfo = Integer.toUnsignedLong(raw[4] << 24 | (raw[5] & 0xff) << 16 | (raw[6] & 0xff) << 8 | raw[7] & 0xff);
            String scope = raw.length >= 28 ? ", sin6_scope_id=" + Integer.toUnsignedLong(ArgText.le32(raw, 24)) : "";
            String text = "{sa_family=AF_INET6, sin6_port=htons(" + port + "), sin6_flowinfo=htonl(" + flowinfo + "), "
                    + "inet_pton(AF_INET6, \"" + ipv6Text(address) + "\", &sin6_addr)" + scope + "}";
            return new SocketAddress(text, mapped, port, raw);
        }
        if (family == SocketNames.AF_UNIX) {
            int end = 2;
            while (end < raw.length && raw[end] != 0) {
                end++;
            }
            String path = new String(raw, 2, end - 2, StandardCharsets.UTF_8);
            return new SocketAddress("{sa_family=AF_UNIX, sun_path=\"" + path + "\"}", null, -1, raw);
        }
        return new SocketAddress("{sa_family=" + SocketNames.family(family) + ", ...}", null, -1, raw);
    }

    private static SockAddrIn mappedIpv4(byte[] a, int port) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return null;
            }
        }
        if (a[10] != (byte) 0xff || a[11] != (byte) 0xff) {
            return null;
        }
        return new SockAddrIn(Arrays.copyOfRange(a, 12, 16), port);
    }

    private static String ipv6Text(byte[] address) {
        try {
            InetAddress a = InetAddress.getByAddress(address);
            if (a instanceof Inet6Address six) {
                return compress(six.getHostAddress());
            }
            // Java turns ::ffff:a.b.c.d into an Inet4Address
            return "::ffff:" + a.getHostAddress();
        } catch (UnknownHostException e) {
            return "?";
        }
    }

    /** Java writes 0:0:0:0:0:0:0:1; people and strace write ::1. */
    private static String compress(String full) {
        String[] parts = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < parts.length; ) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < parts.length && parts[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            return full;
        }
        String head = String.join(":", Arrays.copyOfRange(parts, 0, bestStart));
        String tail = String.join(":", Arrays.copyOfRange(parts, bestStart + bestLen, parts.length));
        return head + "::" + tail;
    }

    /** {@code 127.0.0.1:51234} or the strace text when it is not an IP address. */
    String shortText() {
        return ipv4 != null ? ipv4.toString() : port >= 0 ? "[" + text + "]" : text;
    }
}
