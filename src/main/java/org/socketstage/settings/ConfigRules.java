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
                    return Optional.empty();
                }
            }
            return Optional.of(ADDRESS_RULE + " (\"" + shorten(text) + "\" has no IPv4 address)");
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of(ADDRESS_RULE + " (\"" + shorten(text) + "\" does not resolve)");
        }
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

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
