package org.socketstage.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Turns the hex addresses of /proc/net/tcp and tcp6 into the text students know. The kernel prints each
 * 32-bit word of the address as one hex number in the host's byte order, so on x86 {@code 0100007F} is
 * 127.0.0.1: the bytes must be swapped back word by word before they read in network order.
 */
final class KernelAddress {

    private static final int IPV4_HEX = 8;
    private static final int IPV6_HEX = 32;

    private KernelAddress() {
    }

    /** "127.0.0.1" for IPv4 and IPv4-mapped IPv6, "::1"-style text for real IPv6; empty if not an address. */
    static Optional<String> host(String hex, ByteOrder wordOrder) {
        if (hex.length() != IPV4_HEX && hex.length() != IPV6_HEX || !TcpTableParser.isHex(hex)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[hex.length() / 2];
        ByteBuffer network = ByteBuffer.wrap(bytes);
        for (int i = 0; i < hex.length(); i += IPV4_HEX) {
            long word;
            try {
                word = Long.parseLong(hex.substring(i, i + IPV4_HEX), 16);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            ByteBuffer one = ByteBuffer.allocate(4).order(wordOrder);
            one.putInt(0, (int) word);
            network.put(one.array());
        }
        return Optional.of(host(bytes));
    }

    /** The same text from an address's bytes in network order: 4 for IPv4, 16 for IPv6. */
    static String host(byte[] networkOrder) {
        if (networkOrder.length == 4) {
            return dottedQuad(networkOrder, 0);
        }
        if (networkOrder.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + networkOrder.length);
        }
        return isIpv4Mapped(networkOrder) ? dottedQuad(networkOrder, 12) : ipv6Text(networkOrder);
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF;
    }

    private static String dottedQuad(byte[] b, int from) {
        return (b[from] & 0xFF) + "." + (b[from + 1] & 0xFF) + "." + (b[from + 2] & 0xFF) + "." + (b[from + 3] & 0xFF);
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
    static String ipv6Text(byte[] b) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
