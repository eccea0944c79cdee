package org.socketstage.kernel;

import java.util.OptionalLong;

/**
 * Reads one counter from /proc/net/netstat. That file comes in pairs of lines with the same prefix: a header
 * ("TcpExt: SyncookiesSent … ListenOverflows …") then the values in the same order ("TcpExt: 0 … 3 …").
 */
final class NetstatCounters {

    private NetstatCounters() {
    }

    /** The value of {@code name} in the {@code group} lines (e.g. "TcpExt", "ListenOverflows"), if present. */
    static OptionalLong find(String netstat, String group, String name) {
        String prefix = group + ":";
        String[] lines = netstat.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (!lines[i].startsWith(prefix) || !lines[i + 1].startsWith(prefix)) {
                continue;
            }
            String[] names = lines[i].substring(prefix.length()).trim().split("\\s+");
            String[] values = lines[i + 1].substring(prefix.length()).trim().split("\\s+");
            for (int k = 0; k < names.length && k < values.length; k++) {
                if (names[k].equals(name)) {
                    try {
                        return OptionalLong.of(Long.parseLong(values[k]));
                    } catch (NumberFormatException e) {
                        return OptionalLong.empty();
                    }
                }
            }
            i++;
        }
        return OptionalLong.empty();
    }
}
