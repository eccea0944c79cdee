package org.socketstage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How long the X server waited for a CPU during a phase: Linux's {@code /proc/PID/schedstat} (time run, time
 * runnable but waiting), and, sampled every 10 ms, the spells it stayed runnable without running. While the X
 * server waits the window's frames cannot reach the screen, and a window paced by it waits too; so this tells a
 * slow frame the app caused from one the X server's scheduling did.
 */
final class XServerWait implements AutoCloseable {

    private static final List<String> SERVERS = List.of("Xvfb", "Xorg", "X", "Xwayland");

    private final long pid;
    private final long[] start;
    private final List<Long> spells = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean stop;

    private XServerWait(long pid) throws IOException {
        this.pid = pid;
        this.start = schedstat(pid);
        this.sampler = new Thread(this::sample, "bench-x-server-wait");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts watching the X server of {@code display} ({@code :74}), if one runs on this machine. */
    static Optional<XServerWait> of(String display) {
        if (display == null || !display.startsWith(":")) {
            return Optional.empty();
        }
        String screen = display.contains(".") ? display.substring(0, display.indexOf('.')) : display;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (servesScreen(new String(Files.readAllBytes(p.resolve("cmdline"))), screen)) {
                        return Optional.of(new XServerWait(Long.parseLong(name)));
                    }
                } catch (IOException | RuntimeException gone) {
                    // a process that ended while listed, or one we may not read
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * True when a process's {@code /proc/PID/cmdline} (arguments separated by NUL) is an X server's (Xvfb, Xorg,
     * X, Xwayland, by any path) with {@code screen} ({@code :74}) among its arguments.
     */
    static boolean servesScreen(String cmdline, String screen) {
        if (cmdline.isEmpty()) {
            return false; // a kernel thread
        }
        String[] argv = cmdline.split("\0");
        String program = argv[0].substring(argv[0].lastIndexOf('/') + 1);
        return SERVERS.contains(program) && List.of(argv).subList(1, argv.length).contains(screen);
    }

    private static long[] schedstat(long pid) throws IOException {
        String[] f = Files.readString(Path.of("/proc", Long.toString(pid), "schedstat")).trim().split("\\s+");
        return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
    }

    private static char state(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    private void sample() {
        long spellStart = -1;
        long lastRun = -1;
        while (!stop) {
            try {
                long now = System.nanoTime();
                long run = schedstat(pid)[0];
                boolean waiting = state(pid) == 'R' && run == lastRun;
                if (waiting && spellStart < 0) {
                    spellStart = now;
                } else if (!waiting && spellStart >= 0) {
                    synchronized (spells) {
                        spells.add((now - spellStart) / 1_000_000);
                    }
                    spellStart = -1;
                }
                lastRun = run;
                Thread.sleep(10);
            } catch (IOException | RuntimeException gone) {
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * {@code the X server (pid 17242) ran 9.1 s and waited for a CPU 2.7 s; 6 spells of 50 ms or more runnable
     * without running, the longest 172 ms}.
     */
    String describe() throws IOException {
        long[] now = schedstat(pid);
        List<Long> copy;
        synchronized (spells) {
            copy = List.copyOf(spells);
        }
        long longest = copy.stream().mapToLong(Long::longValue).max().orElse(0);
        long over50 = copy.stream().filter(s -> s >= 50).count();
        return String.format(Locale.ROOT, "the X server (pid %d) ran %.1f s and waited for a CPU %.1f s; %d spells of"
                + " 50 ms or more runnable without running, the longest %d ms", pid, (now[0] - start[0]) / 1e9,
                (now[1] - start[1]) / 1e9, over50, longest);
    }

    @Override
    public void close() {
        stop = true;
        sampler.interrupt();
    }
}
