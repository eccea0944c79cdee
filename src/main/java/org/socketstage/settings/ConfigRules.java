package org.socketstage.settings;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The rules for settings typed by a person, shared by the command line and the GUI. Each check returns
 * the message to show, or empty when the value is fine.
 */
public final class ConfigRules {

    public static final String PORT_RULE = "port must be a number from 0 to 65535";
    public static final String BACKLOG_RULE = "backlog must be a whole number of at least 1";
    public static final String ADDRESS_RULE = "address must be an IPv4 address like 127.0.0.1 or a host name that resolves to one";
    public static final String MAX_CONNECTIONS_RULE = "must be a whole number from 1 to 1024";
    public static final String RECV_BUFFER_RULE = "must be a whole number of bytes from 1 to 1048576";
    public static final String DELAY_RULE = "must be a whole number of milliseconds from 0 to 60000";
    public static final String IDLE_TIMEOUT_RULE = "must be a whole number of seconds from 0 (never) to 86400";

    private ConfigRules() {}

    public static Optional<String> checkPort(String text) {
        return parseInt(text).filter(p -> p >= 0 && p <= 65535).isPresent()
                ? Optional.empty()
                : Optional.of(PORT_RULE + " (got \"" + shorten(text) + "\")");
    }

    public static Optional<String> checkBacklog(String text) {
        return parseInt(text).filter(b -> b >= 1).isPresent()
                ? Optional.empty()
                : Optional.of(BACKLOG_RULE + " (got \"" + shorten(text) + "\")");
    }

    public static Optional<String> checkBindAddress(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(ADDRESS_RULE + " (got nothing)");
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(text.trim())) {
                if (a instanceof Inet4Address) {
                    return unbindable(a).map(why -> ADDRESS_RULE + " (\"" + shorten(text) + "\" " + why + ")");
                }
            }
            return Optional.of(ADDRESS_RULE + " (\"" + shorten(text) + "\" has no IPv4 address)");
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of(ADDRESS_RULE + " (\"" + shorten(text) + "\" does not resolve)");
        }
    }

    /** A TCP server cannot listen on a group or broadcast address: say so before bind() would. */
    private static Optional<String> unbindable(InetAddress a) {
        if (a.isMulticastAddress()) {
            return Optional.of("is a multicast group address; TCP listens on one of this machine's own addresses");
        }
        byte[] b = a.getAddress();
        if ((b[0] & 0xff) == 255 && (b[1] & 0xff) == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
            return Optional.of("is the broadcast address; TCP listens on one of this machine's own addresses");
        }
        return Optional.empty();
    }

    public static Optional<String> checkMaxConnections(String text) {
        return range(text, 1, 1024, MAX_CONNECTIONS_RULE);
    }

    public static Optional<String> checkRecvBuffer(String text) {
        return range(text, 1, 1 << 20, RECV_BUFFER_RULE);
    }

    public static Optional<String> checkIdleTimeout(String text) {
        return range(text, 0, ServerConfig.MAX_IDLE_TIMEOUT_SECONDS, IDLE_TIMEOUT_RULE);
    }

    public static Optional<String> checkDelay(String text) {
        return range(text, 0, 60_000, DELAY_RULE);
    }

    /** A transcript file must be creatable: its folder must exist and be a folder, and the name must not be one. */
    public static Optional<String> checkTranscript(java.nio.file.Path file) {
        String name = file.toString();
        if (name.isBlank()) {
            return Optional.of("needs a file name (got nothing)");
        }
        if (java.nio.file.Files.isDirectory(file)) {
            return Optional.of(shorten(name) + " is a folder; give a file name inside it");
        }
        java.nio.file.Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
            return Optional.of("the folder " + parent + " does not exist; create it first or choose another place");
        }
        return Optional.empty();
    }

    private static Optional<String> range(String text, int min, int max, String rule) {
        return parseInt(text).filter(n -> n >= min && n <= max).isPresent()
                ? Optional.empty()
                : Optional.of(rule + " (got \"" + shorten(text) + "\")");
    }

    public static Optional<Integer> parseInt(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(t));
    }

    public static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
