package org.socketstage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The share of the machine's CPU time that the hypervisor gave to other guests ("steal" in {@code /proc/stat},
 * {@code st} in vmstat and top) between two readings. On a shared virtual machine the same benchmark gave a
 * frame-gap p99 of 25 ms in one run and 175 ms in the next; steal of 10-35 % in the slow ones is why, so each
 * window figure is printed with it.
 */
final class CpuSteal {

    private static final Path STAT = Path.of("/proc/stat");

    private final long steal;
    private final long total;

    private CpuSteal(long steal, long total) {
        this.steal = steal;
        this.total = total;
    }

    /** Now; where /proc/stat cannot be read, a reading that makes {@link #percentSince} say NaN. */
    static CpuSteal now() {
        try {
            return parse(Files.readAllLines(STAT).get(0));
        } catch (IOException | RuntimeException e) {
            return new CpuSteal(0, 0);
        }
    }

    /** The aggregate "cpu" line: user nice system idle iowait irq softirq steal [guest guest_nice]. */
    static CpuSteal parse(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!"cpu".equals(f[0]) || f.length < 9) {
            throw new IllegalArgumentException("not the aggregate cpu line of /proc/stat: " + cpuLine);
        }
        long total = 0;
        // guest time is already counted in user and nice: the first eight fields are the whole
        for (int i = 1; i <= 8; i++) {
            total += Long.parseLong(f[i]);
        }
        return new CpuSteal(Long.parseLong(f[8]), total);
    }

    /** Percent of all CPU time between {@code earlier} and this reading that was stolen; NaN without readings. */
    double percentSince(CpuSteal earlier) {
        long dt = total - earlier.total;
        return dt <= 0 ? Double.NaN : 100.0 * (steal - earlier.steal) / dt;
    }
}
