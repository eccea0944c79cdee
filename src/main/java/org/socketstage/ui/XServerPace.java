package org.socketstage.ui;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import javafx.scene.Scene;
import org.socketstage.socket.JnaQuickStart;

/**
 * Keeps the X server within a few frames of the window when JavaFX draws in software.
 *
 * <p>With its software renderer JavaFX hands GTK the whole window's pixels every frame, and cairo passes them to the
 * X server through shared-memory buffers. It frees a buffer only once the X server has taken the frame in it; while
 * the server is behind, cairo makes another pool of buffers, eight frames' worth (32 MB for a 1280x800 window).
 * Under a flood of events the app draws 50-60 frames a second and an X server short of CPU falls behind: the
 * window's memory grew by 32 MB pools to over 500 MB.
 *
 * <p>So at the start of each pulse the window looks how far behind the X server is ({@link XRequestLag}: Xlib's
 * count of the requests the server has answered for, after reading what it sent back, without waiting). Up to
 * {@link #FRAMES} pulses behind, it goes on: a server that stalls for a moment catches up without holding the window
 * up, and the first pool is enough. Further behind, the window waits for the server ({@code XSync}, one round trip)
 * as any program must wait for a display that cannot keep up. Only for JavaFX's software renderer on GTK with a
 * local X server: on a GPU the pixels do not go through cairo, and headless platforms (the tests' Monocle) have no
 * X server.
 */
final class XServerPace {

    private static final System.Logger LOG = System.getLogger(XServerPace.class.getName());

    /** {@code -Dsocketstage.xServerPace=off} leaves the window unpaced: for measuring what the pacing does. */
    static final String OFF = "socketstage.xServerPace";

    /** How many pulses the X server may be behind before the window waits for it: half of cairo's first pool. */
    static final int FRAMES = 3;

    /** Xlib's XEventsQueued mode that reads what the server has sent without blocking. */
    private static final int QUEUED_AFTER_READING = 1;

    /** GDK's X display; GDK is already loaded by JavaFX's window. */
    interface Gdk extends Library {
        Pointer gdk_display_get_default();

        Pointer gdk_x11_display_get_xdisplay(Pointer display);
    }

    /** The Xlib calls the pacing needs, on GDK's own connection (only ever from the FX thread, GTK's). */
    interface Xlib extends Library {
        NativeLong XNextRequest(Pointer display);

        NativeLong XLastKnownRequestProcessed(Pointer display);

        int XEventsQueued(Pointer display, int mode);

        int XSync(Pointer display, int discard);
    }

    private XServerPace() {}

    /**
     * Paces the scene's pulses by the X server when JavaFX draws in software on GTK; true when it does. Call on the
     * FX thread once the window is shown (GDK's display is open by then).
     */
    static boolean keep(Scene scene) {
        if (!applies(System.getProperties(), System.getenv("DISPLAY"))) {
            return false;
        }
        Optional<Gdk> gdk = load("gdk-3", Gdk.class);
        Optional<Xlib> xlib = load("X11", Xlib.class);
        if (gdk.isEmpty() || xlib.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "GDK or Xlib not loaded: the window is not paced by the X server");
            return false;
        }
        try {
            Pointer gdkDisplay = gdk.get().gdk_display_get_default();
            Pointer display = gdkDisplay == null ? null : gdk.get().gdk_x11_display_get_xdisplay(gdkDisplay);
            if (display == null) {
                return false;
            }
            Xlib x = xlib.get();
            XRequestLag lag = new XRequestLag(FRAMES);
            scene.addPreLayoutPulseListener(() -> {
                x.XEventsQueued(display, QUEUED_AFTER_READING);
                if (lag.tooFarBehind(x.XLastKnownRequestProcessed(display).longValue())) {
                    x.XSync(display, 0);
                }
                lag.pulseStarts(x.XNextRequest(display).longValue());
            });
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "GDK not usable, the window is not paced by the X server: " + e);
            return false;
        }
    }

    /**
     * True on Linux with JavaFX's GTK window (no other {@code glass.platform}, such as the tests' Monocle) when
     * Prism's first choice of pipeline is its software renderer ({@code prism.order} starting with {@code sw}, as
     * {@link RenderingChoice} sets it where there is no GPU), with the X server on this machine ({@code DISPLAY}
     * {@code :N} or {@code unix:N}). Only a local X server shares memory with the app; over {@code ssh -X} the
     * pixels go through the connection, which already paces the window, and a round trip a frame would cost a
     * network's delay.
     */
    static boolean applies(Properties properties, String display) {
        if (properties.getProperty(OFF, "").equalsIgnoreCase("off")) {
            return false;
        }
        String os = properties.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String glass = properties.getProperty("glass.platform", "");
        String order = properties.getProperty("prism.order", "");
        return os.contains("linux") && (glass.isEmpty() || glass.equalsIgnoreCase("gtk"))
                && order.split(",", 2)[0].trim().equalsIgnoreCase("sw")
                && display != null && (display.startsWith(":") || display.startsWith("unix:"));
    }

    private static <T extends Library> Optional<T> load(String name, Class<T> calls) {
        try {
            JnaQuickStart.apply();
            return Optional.of(Native.load(name, calls));
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
