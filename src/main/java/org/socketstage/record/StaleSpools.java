package org.socketstage.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Spool folders are named after the process that writes them ({@code socketstage-spool-pid1234-…}). A process
 * killed outright (SIGKILL, a power cut) cannot delete its own; the next start does, once the owner is gone:
 * no process has that id, or the one that has it started after the folder was made (the id was reused).
 */
final class StaleSpools {

    static final String PREFIX = "socketstage-spool-";
    private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "pid(\\d{1,10})-.*");

    private StaleSpools() {}

    /** The prefix for a new spool folder of this process. */
    static String prefixForThisProcess() {
        return PREFIX + "pid" + ProcessHandle.current().pid() + "-";
    }

    /** Deletes the spool folders in {@code tempRoot} whose process has ended; returns the ones deleted. */
    static List<Path> clean(Path tempRoot) {
        List<Path> deleted = new ArrayList<>();
        try (Stream<Path> entries = Files.list(tempRoot)) {
            for (Path dir : entries.toList()) {
                Matcher m = OWNED.matcher(dir.getFileName().toString());
                if (m.matches() && Files.isDirectory(dir) && ownerGone(Long.parseLong(m.group(1)), dir)) {
                    deleteTree(dir);
                    deleted.add(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a temp folder we cannot list or clean costs disk space, not correctness: the app goes on
        }
        return deleted;
    }

    private static boolean ownerGone(long pid, Path dir) {
        Optional<ProcessHandle> owner = ProcessHandle.of(pid);
        if (owner.isEmpty() || !owner.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = owner.get().info().startInstant();
        try {
            Instant made = Files.readAttributes(dir, BasicFileAttributes.class).creationTime().toInstant();
            // start times are rounded to clock ticks: only a clear second later means another process
            return started.isPresent() && started.get().isAfter(made.plusSeconds(1));
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // already gone, or not ours to delete
        }
    }
}
