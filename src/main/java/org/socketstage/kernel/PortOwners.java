package org.socketstage.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds which processes hold a port, the way {@code ss -p} and {@code lsof} do: take the inode of each
 * socket on the port from the TCP tables, then look through /proc/[pid]/fd for a link named
 * {@code socket:[inode]}. Linux shows another user's fd folder only to root, so an owner we cannot see is
 * simply missing from the answer; {@link #describe(int)} then says "unknown" instead of guessing.
 * Each call reads every process's fd folder: ask when a bind() fails, not in a polling loop.
 */
public final class PortOwners {

    private final Path root;
    private final KernelTcpTable table;

    public PortOwners(Path root, KernelTcpTable table) {
        this.root = root;
        this.table = table;
    }

    public static PortOwners system() {
        return new PortOwners(Path.of("/"), KernelTcpTable.system());
    }

    /**
     * Every process we may inspect that holds a socket whose local port is {@code port}, listeners first.
     * Rows without an inode (TIME_WAIT, or connections not yet accepted) belong to no process and are left out.
     */
    public List<PortOwner> find(int port) {
        KernelTcpTable.checkPort(port);
        Map<Long, TcpSocketRow> byInode = socketsOnPort(port).stream()
                .filter(r -> r.inode() != 0)
                .collect(Collectors.toMap(TcpSocketRow::inode, Function.identity(), (a, b) -> a));
        if (byInode.isEmpty()) {
            return List.of();
        }
        List<PortOwner> owners = new ArrayList<>();
        for (long pid : pids()) {
            for (long inode : socketInodesOf(pid)) {
                TcpSocketRow row = byInode.get(inode);
                if (row != null) {
                    owners.add(new PortOwner(pid, commandLine(pid), row));
                }
            }
        }
        owners.sort(Comparator.comparing((PortOwner o) -> o.row().state() != TcpState.LISTEN)
                .thenComparingLong(PortOwner::pid)
                .thenComparingLong(o -> o.row().inode()));
        return owners;
    }

    /** One sentence for the instructor: who holds {@code port}, or why we cannot say. */
    public String describe(int port) {
        if (!table.isAvailable()) {
            return KernelTcpTable.NOT_AVAILABLE;
        }
        List<PortOwner> owners = find(port);
        if (!owners.isEmpty()) {
            return "port " + port + " is held by " + owners.stream()
                    .map(PortOwner::describe).distinct().collect(Collectors.joining("; "));
        }
        List<TcpSocketRow> rows = socketsOnPort(port);
        if (rows.isEmpty()) {
            return "no TCP socket uses port " + port + " in the kernel's tables";
        }
        if (rows.stream().allMatch(r -> r.inode() == 0)) {
            return "port " + port + " has only sockets no process holds any more ("
                    + states(rows) + "); the kernel keeps them for a while";
        }
        return "port " + port + " is held by a process we may not inspect (" + states(rows)
                + "): owner unknown";
    }

    private List<TcpSocketRow> socketsOnPort(int port) {
        return table.readAllRows().orElse(List.of()).stream()
                .filter(r -> r.localPort() == port)
                .toList();
    }

    private static String states(List<TcpSocketRow> rows) {
        return rows.stream().map(r -> r.state() + " " + r.local()).distinct().collect(Collectors.joining(", "));
    }

    private List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(root.resolve("proc"), p -> isNumber(p))) {
            for (Path p : proc) {
                pids.add(Long.parseLong(p.getFileName().toString()));
            }
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        return pids;
    }

    private List<Long> socketInodesOf(long pid) {
        List<Long> inodes = new ArrayList<>();
        // Processes come and go while we look, and other users' fd folders are closed to us: skip, never fail.
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(root.resolve("proc/" + pid + "/fd"))) {
            for (Path fd : fds) {
                socketInode(fd).ifPresent(inodes::add);
            }
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        return inodes;
    }

    private static Optional<Long> socketInode(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[") && target.endsWith("]")) {
                return Optional.of(Long.parseLong(target.substring(8, target.length() - 1)));
            }
        } catch (IOException | UnsupportedOperationException | SecurityException | NumberFormatException e) {
            // a closed fd or a link we may not read tells us nothing
        }
        return Optional.empty();
    }

    /** The arguments joined by spaces; a kernel thread has none, so its name in brackets as ps shows it. */
    private String commandLine(long pid) {
        String line = ProcFile.bytes(root.resolve("proc/" + pid + "/cmdline"))
                .map(raw -> new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim())
                .orElse("");
        if (!line.isEmpty()) {
            return line;
        }
        return ProcFile.text(root.resolve("proc/" + pid + "/comm")).map(String::trim).filter(c -> !c.isEmpty())
                .map(c -> "[" + c + "]").orElse("unknown");
    }

    private static boolean isNumber(Path p) {
        String name = p.getFileName().toString();
        return !name.isEmpty() && name.length() < 19 && name.chars().allMatch(Character::isDigit);
    }
}
