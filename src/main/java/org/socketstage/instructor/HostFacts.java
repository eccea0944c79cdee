package org.socketstage.instructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What this machine allows, read from /proc: who we run as, whether we may bind low ports, whether the kernel
 * lets a socket bind an address the machine does not have. Set-ups use it to say honestly whether a fault
 * will be real here, and why not when it cannot be.
 */
final class HostFacts {

    /** CAP_NET_BIND_SERVICE, the capability bind() checks for ports below ip_unprivileged_port_start. */
    static final int CAP_NET_BIND_SERVICE = 10;
    static final int CLASSIC_PRIVILEGED_LIMIT = 1024;

    private final Path root;

    HostFacts(Path root) {
        this.root = root;
    }

    static HostFacts system() {
        return new HostFacts(Path.of("/"));
    }

    /** The effective uid (second number of the Uid: line). */
    OptionalLong effectiveUid() {
        return statusField("Uid:").flatMap(v -> field(v, 1)).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** Whether the effective capability set holds CAP_NET_BIND_SERVICE; empty when /proc does not say. */
    Optional<Boolean> mayBindPrivilegedPorts() {
        return statusField("CapEff:").map(String::trim).flatMap(hex -> {
            try {
                return Optional.of((Long.parseUnsignedLong(hex, 16) >>> CAP_NET_BIND_SERVICE & 1) == 1);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** net.ipv4.ip_unprivileged_port_start (Linux 4.11+): ports from here up need no privilege. */
    OptionalInt unprivilegedPortStart() {
        return readNumber("proc/sys/net/ipv4/ip_unprivileged_port_start");
    }

    /** net.ipv4.ip_nonlocal_bind: 1 lets bind() take addresses the machine does not have. */
    OptionalInt nonLocalBind() {
        return readNumber("proc/sys/net/ipv4/ip_nonlocal_bind");
    }

    /** Why bind() to {@code port} will succeed here, or empty when the kernel will refuse it with EACCES. */
    Optional<String> whyLowPortIsAllowed(int port) {
        int start = unprivilegedPortStart().orElse(CLASSIC_PRIVILEGED_LIMIT);
        if (port >= start) {
            return Optional.of("net.ipv4.ip_unprivileged_port_start is " + start + " on this machine, so port " + port
                    + " needs no privilege");
        }
        String uid = effectiveUid().isPresent() ? "effective uid " + effectiveUid().getAsLong() : "uid unknown";
        if (mayBindPrivilegedPorts().orElse(effectiveUid().orElse(-1) == 0)) {
            return Optional.of("SocketStage runs with CAP_NET_BIND_SERVICE (" + uid
                    + (effectiveUid().orElse(-1) == 0 ? ", root" : "") + "), so the kernel would let bind() take port " + port);
        }
        return Optional.empty();
    }

    private Optional<String> statusField(String name) {
        return read("proc/self/status").flatMap(text -> text.lines()
                .filter(l -> l.startsWith(name)).findFirst()
                .map(l -> l.substring(name.length()).trim()));
    }

    private static Optional<Long> field(String values, int index) {
        String[] parts = values.trim().split("\\s+");
        if (parts.length <= index) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(parts[index]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private OptionalInt readNumber(String file) {
        return read(file).map(String::trim).filter(s -> s.matches("\\d{1,9}"))
                .map(s -> OptionalInt.of(Integer.parseInt(s))).orElse(OptionalInt.empty());
    }

    /** Read with a stream: /proc files report size 0, and readString may come back short. */
    private Optional<String> read(String file) {
        try (InputStream in = Files.newInputStream(root.resolve(file))) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
