package org.socketstage.client;

import java.net.UnknownHostException;
import java.util.Optional;
import org.socketstage.settings.ConfigRules;
import org.socketstage.socket.SockAddrIn;

/** Reads the "host:port" a student types for a client to connect to, with a message for each mistake. */
public final class ClientTarget {

    public static final String FORMAT = "Type host:port, for example 127.0.0.1:9090";

    /** The parsed address, or the message saying what was wrong and what is accepted. */
    public record Parsed(SockAddrIn address, String problem) {
        public Optional<SockAddrIn> value() {
            return Optional.ofNullable(address);
        }
    }

    private ClientTarget() {}

    public static Parsed parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return problem(FORMAT + " (got nothing).");
        }
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            return problem(FORMAT + " (\"" + shorten(t) + "\" has no host or no port).");
        }
        String host = t.substring(0, colon).trim();
        String portText = t.substring(colon + 1).trim();
        Optional<Integer> port = ConfigRules.parseInt(portText).filter(p -> p >= 1 && p <= 65535);
        if (port.isEmpty()) {
            return problem("The port must be a number from 1 to 65535 (got \"" + shorten(portText) + "\").");
        }
        if (host.chars().allMatch(c -> c == '.' || Character.isDigit(c)) && !dottedQuad(host)) {
            return problem("The host \"" + shorten(host) + "\" is not an IPv4 address: it needs four numbers from 0"
                    + " to 255 separated by dots, like 192.168.1.20.");
        }
        try {
            return new Parsed(SockAddrIn.of(host, port.get()), null);
        } catch (UnknownHostException | SecurityException e) {
            return problem("The host must be an IPv4 address like 192.168.1.20 or a name that resolves to one (\""
                    + shorten(host) + "\" does not).");
        }
    }

    private static boolean dottedQuad(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (ConfigRules.parseInt(part).filter(n -> n <= 255 && part.length() <= 3).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static Parsed problem(String message) {
        return new Parsed(null, message);
    }

    private static String shorten(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
