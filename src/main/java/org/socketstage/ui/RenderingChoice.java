package org.socketstage.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.socketstage.socket.Platform;

/**
 * How JavaFX draws the window, chosen once before its toolkit starts.
 *
 * <p>On Linux JavaFX first tries its OpenGL pipeline. On a machine with no graphics device (no {@code /dev/dri},
 * no NVIDIA or WSL device: a virtual machine, a container, a remote X session, a CI runner) OpenGL can only be
 * Mesa's software renderer; JavaFX loads it (Mesa and LLVM, about 60 MB resident for the app's whole life), finds
 * it is not a GPU and falls back to its own software renderer. GTK loads the same libraries again for its own
 * OpenGL set-up. There the app asks for JavaFX's software renderer at once and tells GTK not to set up OpenGL
 * ({@code GDK_GL=disable}): the same renderer and pixels as before, about 60 MB less memory.
 *
 * <p>With its software renderer the app also lets Prism keep up to 15 separate areas to repaint in a frame instead
 * of its default 6 ({@code prism.dirtyregioncount}, its maximum): under a class's load a refresh changes the lane's
 * recv and send cards, the status line, the sockets pane's counters and the clients' rows at once, and past six
 * areas Prism merges them into bounding boxes, some as large as most of the window, which software then repaints
 * in full (30-80 ms frames). A count given by the user is kept.
 *
 * <p>Anything that already chose leaves JavaFX's own choice alone: any GPU device, a {@code -Dprism.order} given by
 * the user, a headless platform ({@code -Dglass.platform}, the tests' Monocle), another OS.
 */
public final class RenderingChoice {

    public enum Choice {
        /** JavaFX tries its pipelines in its own order (on a GPU, OpenGL). */
        JAVAFX_DEFAULT,
        /** No graphics device: JavaFX's software renderer, chosen before the toolkit started. */
        SOFTWARE_NO_GPU
    }

    /** Device nodes under /dev that mean a GPU OpenGL could use: DRM (Intel, AMD, Nouveau, virtual GPUs), NVIDIA's driver, WSL2. */
    static final List<String> GPU_DEVICES = List.of("dri", "nvidiactl", "nvidia0", "dxg");

    /** The most areas Prism repaints separately in a frame (JavaFX clamps the setting to 15; its default is 6). */
    static final String DIRTY_REGIONS = "15";

    private static final System.Logger LOG = System.getLogger(RenderingChoice.class.getName());
    private static volatile Choice chosen = Choice.JAVAFX_DEFAULT;

    private RenderingChoice() {}

    /** What {@link #applyBeforeToolkit()} chose; the default until it ran. */
    public static Choice current() {
        return chosen;
    }

    /**
     * Decides and applies. Call on the thread that starts the toolkit, before it does: GTK reads GDK_GL when it
     * starts, and Prism reads prism.order when its pipeline starts. Only Java threads run besides it then, so
     * changing the process environment races with no native reader.
     */
    public static synchronized Choice applyBeforeToolkit() {
        Choice c = decide(Platform.current(), System.getProperties(), Path.of("/dev"));
        if (c == Choice.SOFTWARE_NO_GPU) {
            askForSoftware(System.getProperties());
            if (System.getenv("GDK_GL") == null && !setInProcessEnvironment("GDK_GL", "disable")) {
                LOG.log(System.Logger.Level.DEBUG, "GDK_GL not set: GTK will load OpenGL for itself");
            }
        }
        chosen = c;
        return c;
    }

    /** The Prism settings of the software renderer, set before Prism reads them. */
    static void askForSoftware(Properties properties) {
        properties.setProperty("prism.order", "sw");
        if (properties.getProperty("prism.dirtyregioncount") == null) {
            properties.setProperty("prism.dirtyregioncount", DIRTY_REGIONS);
        }
    }

    static Choice decide(Platform os, Properties properties, Path dev) {
        if (os != Platform.LINUX || properties.getProperty("prism.order") != null
                || properties.getProperty("glass.platform") != null || anyGpuDevice(dev)) {
            return Choice.JAVAFX_DEFAULT;
        }
        return Choice.SOFTWARE_NO_GPU;
    }

    static boolean anyGpuDevice(Path dev) {
        for (String name : GPU_DEVICES) {
            Path p = dev.resolve(name);
            if (Files.isDirectory(p)) {
                try (Stream<Path> entries = Files.list(p)) {
                    if (entries.findAny().isPresent()) {
                        return true;
                    }
                } catch (IOException e) {
                    return true; // there, but not ours to list: assume a GPU rather than take it away
                }
            } else if (Files.exists(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets a variable in the process's own environment, the libc one GTK reads (through GLib's g_setenv), which
     * Java cannot: its System.getenv is a copy taken at start-up. True when the variable now has that value.
     */
    static boolean setInProcessEnvironment(String name, String value) {
        return GLib.load().map(glib -> glib.g_setenv(name, value, true) && value.equals(glib.g_getenv(name)))
                .orElse(false);
    }
}
