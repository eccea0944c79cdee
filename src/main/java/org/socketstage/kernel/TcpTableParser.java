package org.socketstage.kernel;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the text of /proc/net/tcp or /proc/net/tcp6. A line looks like
 * <pre>   0: 0100007F:8103 00000000:0000 0A 00000000:00000002 00:00000000 00000000     0        0 6752 …</pre>
 * (slot, local, remote, state, tx:rx queue, timer, retransmits, uid, timeout, inode). The header and any
 * line that does not have this shape are skipped: one odd line must never hide the others.
 */
final class TcpTableParser {

    private static final int MIN_FIELDS = 10;

    private final ByteOrder wordOrder;

    TcpTableParser(ByteOrder wordOrder) {
        this.wordOrder = wordOrder;
    }

    List<TcpSocketRow> parse(String table, boolean ipv6Table) {
        List<TcpSocketRow> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            parseLine(line, ipv6Table).ifPresent(rows::add);
        }
        return rows;
    }

    Optional<TcpSocketRow> parseLine(String line, boolean ipv6Table) {
        String[] f = line.trim().split("\\s+");
        if (f.length < MIN_FIELDS || !f[0].endsWith(":")) {
            return Optional.empty();
        }
        try {
            Endpoint local = endpoint(f[1]);
            Endpoint remote = endpoint(f[2]);
            String[] queues = f[4].split(":");
            if (local == null || remote == null || queues.length != 2
                    || !isHex(f[3]) || !isHex(queues[0]) || !isHex(queues[1]) || !f[9].matches("\\d+")) {
                return Optional.empty();
            }
            return Optional.of(new TcpSocketRow(
                    TcpState.fromCode(Integer.parseInt(f[3], 16)),
                    local.host, local.port, remote.host, remote.port,
                    Long.parseLong(queues[0], 16), Long.parseLong(queues[1], 16),
                    Long.parseLong(f[9]), ipv6Table));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Endpoint endpoint(String field) {
        int colon = field.indexOf(':');
        if (colon < 0 || colon != field.lastIndexOf(':')) {
            return null;
        }
        String portHex = field.substring(colon + 1);
        if (portHex.length() != 4 || !isHex(portHex)) {
            return null;
        }
        int port = Integer.parseInt(portHex, 16);
        return KernelAddress.host(field.substring(0, colon), wordOrder)
                .map(host -> new Endpoint(host, port))
                .orElse(null);
    }

    static boolean isHex(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private record Endpoint(String host, int port) {
    }
}
