package org.socketstage.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When clients left outside a full accept queue will knock again. Each client in SYN_SENT has a retransmit
 * timer that /proc/net/tcp shows as {@code 01:ticks} (clock ticks of USER_HZ, 100 a second) next to its count
 * of SYNs sent again. A freed slot does nothing by itself: a waiting client gets in only when its next SYN
 * arrives, so "let them in" must wait for that timer, whatever its length. On Linux 6.5 and later the first
 * retries come a second apart (tcp_syn_linear_timeouts), then the wait doubles; after the last retry the
 * same timer counts down to the client's ETIMEDOUT.
 */
final class SynRetransmits {

    /** One waiting client: its local port, SYNs already sent again, and the time until the timer fires. */
    record Waiting(int clientPort, int retransmits, Duration next) {}

    private static final int USER_HZ = 100;
    private static final String SYN_SENT = "02";
    private static final String RETRANSMIT_TIMER = "01";

    private final Path root;

    SynRetransmits(Path root) {
        this.root = root;
    }

    static SynRetransmits system() {
        return new SynRetransmits(Path.of("/"));
    }

    /** Clients in SYN_SENT towards {@code serverPort}, from /proc/net/tcp and tcp6; empty where /proc is missing. */
    List<Waiting> towards(int serverPort) {
        List<Waiting> out = new ArrayList<>();
        for (String table : List.of("proc/net/tcp", "proc/net/tcp6")) {
            for (String line : read(root.resolve(table)).split("\n")) {
                parse(line, serverPort, out);
            }
        }
        return out;
    }

    /** The longest wait until every waiting client has sent its next SYN; zero when none waits. */
    Duration untilAllRetry(int serverPort) {
        return towards(serverPort).stream().map(Waiting::next).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    static void parse(String line, int serverPort, List<Waiting> out) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 7 || !f[0].endsWith(":") || !f[3].equals(SYN_SENT)) {
            return;
        }
        int remoteColon = f[2].lastIndexOf(':');
        int localColon = f[1].lastIndexOf(':');
        String[] timer = f[5].split(":");
        try {
            if (remoteColon < 0 || localColon < 0 || timer.length != 2 || !timer[0].equals(RETRANSMIT_TIMER)
                    || Integer.parseInt(f[2].substring(remoteColon + 1), 16) != serverPort) {
                return;
            }
            long ticks = Long.parseLong(timer[1], 16);
            out.add(new Waiting(Integer.parseInt(f[1].substring(localColon + 1), 16), Integer.parseInt(f[6], 16),
                    Duration.ofMillis(ticks * 1000 / USER_HZ)));
        } catch (NumberFormatException e) {
            // a line of another shape: not a client of ours
        }
    }

    /** Read as a stream: /proc files report a size of 0, and a sized read would stop early. */
    private static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
