package org.socketstage.ui.code;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socketstage.settings.ServerConfig;

/**
 * Writes the settings in use into a listing, so the program the students read is the one that runs: the
 * port, the bind address and the backlog, with the comments that spell out their bytes. The shipped listings
 * are written for 127.0.0.1, port 9090, backlog 5; only those values (and their byte spellings) change, so
 * every line keeps its number and the listing's anchors stay valid.
 */
final class ListingSettings {

    private static final Pattern DEFINE_BACKLOG = Pattern.compile("(#define\\s+BACKLOG\\s+)\\d+");
    private static final Pattern JAVA_BACKLOG = Pattern.compile("(\\.bind\\(address,\\s*)\\d+(\\))");
    private static final Pattern JAVA_LISTEN_WORD = Pattern.compile("listen\\(\\d+\\)");
    private static final Pattern PORT = Pattern.compile("\\b9090\\b");

    private ListingSettings() {}

    static String apply(String line, ServerConfig config) {
        String out = line;
        String port = Integer.toString(config.port());
        out = PORT.matcher(out).replaceAll(port);
        out = out.replace("23 82", portBytes(config.port()));
        out = out.replace("\"127.0.0.1\"", "\"" + config.bindHost() + "\"")
                .replace("nc 127.0.0.1", "nc " + connectHost(config.bindHost()))
                .replace("7f 00 00 01", addressBytes(config.bindHost()));
        String backlog = Integer.toString(config.backlog());
        out = DEFINE_BACKLOG.matcher(out).replaceAll("$1" + backlog);
        Matcher java = JAVA_BACKLOG.matcher(out);
        if (java.find()) {
            out = java.replaceAll("$1" + backlog + "$2");
            out = JAVA_LISTEN_WORD.matcher(out).replaceAll("listen(" + backlog + ")");
        }
        return out;
    }

    /** How the port is stored in sin_port, most significant byte first: 9090 is "23 82". */
    static String portBytes(int port) {
        return String.format(Locale.ROOT, "%02x %02x", (port >> 8) & 0xff, port & 0xff);
    }

    /** The four bytes of a dotted IPv4 address; a host name is left as the name (resolved at run time). */
    static String addressBytes(String host) {
        String[] parts = host.split("\\.");
        if (parts.length != 4) {
            return "(" + host + ")";
        }
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            int v;
            try {
                v = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                return "(" + host + ")";
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(String.format(Locale.ROOT, "%02x", v & 0xff));
        }
        return b.toString();
    }

    /** Where a client on this machine connects: a server on every interface is reached through loopback. */
    static String connectHost(String bindHost) {
        return "0.0.0.0".equals(bindHost) ? "127.0.0.1" : bindHost;
    }
}
