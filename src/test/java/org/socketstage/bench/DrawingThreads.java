package org.socketstage.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time of a JavaFX process's two drawing threads, read from {@code /proc/PID/task/TID/stat}: the FX
 * application thread (events, CSS, layout) and the renderer that paints (Prism's {@code QuantumRenderer}). Unlike
 * frame gaps, a thread's CPU time does not grow when the hypervisor runs other guests, so it compares two runs'
 * drawing work on a shared machine.
 */
final class DrawingThreads {

    /** Thread names as the kernel keeps them: at most 15 characters. */
    static final String FX = "JavaFX Applicat";
    static final String RENDERER = "QuantumRenderer";

    final long fxTicks;
    final long rendererTicks;

    DrawingThreads(long fxTicks, long rendererTicks) {
        this.fxTicks = fxTicks;
        this.rendererTicks = rendererTicks;
    }

    static DrawingThreads of(long pid) throws IOException {
        long fx = 0;
        long renderer = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                String name = nameOf(stat);
                if (name.startsWith(FX)) {
                    fx += EchoBenchmark.cpuTicksOf(stat);
                } else if (name.startsWith(RENDERER)) {
                    renderer += EchoBenchmark.cpuTicksOf(stat);
                }
            }
        }
        return new DrawingThreads(fx, renderer);
    }

    /** The name between the parentheses (it may hold spaces and parentheses itself). */
    static String nameOf(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** Percent of a core each thread used since {@code earlier}, over {@code seconds}. */
    String since(DrawingThreads earlier, double seconds) {
        double scale = 100.0 / EchoBenchmark.CLOCK_TICKS / seconds;
        return String.format(Locale.ROOT, "FX thread %.0f %%, renderer %.0f %%",
                (fxTicks - earlier.fxTicks) * scale, (rendererTicks - earlier.rendererTicks) * scale);
    }
}
