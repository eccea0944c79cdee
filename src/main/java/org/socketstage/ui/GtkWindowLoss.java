package org.socketstage.ui;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Notices when the window is destroyed from outside (as {@code xdotool windowclose} or a crashing window manager
 * does): JavaFX on GTK gets no event for it, only GDK's warning "GdkWindow … unexpectedly destroyed", so the
 * app would go on serving with no window. This listens for that warning through GLib's log handler and ends
 * the app. Best effort: where GLib is not there (other platforms, headless tests) it does nothing.
 */
final class GtkWindowLoss {

    private static final System.Logger LOG = System.getLogger(GtkWindowLoss.class.getName());
    private static final int G_LOG_LEVEL_CRITICAL = 1 << 3;
    private static final int G_LOG_LEVEL_WARNING = 1 << 4;
    private static final String SIGN = "unexpectedly destroyed";

    /** sizeof(GLogField) on 64-bit: key pointer, value pointer, gssize length. */
    private static final int FIELD_SIZE = 3 * 8;

    /** Held for the app's life: GLib keeps only native pointers to them. */
    private static GLib.LogFunc handler;
    private static GLib.LogWriterFunc writer;

    private GtkWindowLoss() {}

    /** Calls {@code onLoss} (on the FX thread, where GTK reports it) when GDK says a window was destroyed. */
    static synchronized boolean watch(Runnable onLoss) {
        if (handler != null || !onGtk()) {
            return false;
        }
        java.util.Optional<GLib> loaded = GLib.load();
        if (loaded.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "GLib not available, window loss not watched");
            return false;
        }
        try {
            GLib glib = loaded.get();
            handler = (domain, level, message, data) -> {
                glib.g_log_default_handler(domain, level, message, data);
                if (message != null && message.contains(SIGN)) {
                    LOG.log(System.Logger.Level.INFO, "the window was destroyed from outside: ending the app");
                    onLoss.run();
                }
            };
            glib.g_log_set_handler("Gdk", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL, handler, null);
            if (Native.POINTER_SIZE == 8) {
                // a program may set one writer, and nothing else here does: pass every message on unchanged
                writer = (level, fields, count, data) -> {
                    if (message(fields, count).contains(SIGN)) {
                        LOG.log(System.Logger.Level.INFO, "the window was destroyed from outside: ending the app");
                        onLoss.run();
                    }
                    return glib.g_log_writer_default(level, fields, count, data);
                };
                glib.g_log_set_writer_func(writer, null, null);
            }
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "GLib not available, window loss not watched: " + e);
            return false;
        }
    }

    private static String message(Pointer fields, long count) {
        for (long i = 0; i < count && i < 64; i++) {
            Pointer key = fields.getPointer(i * FIELD_SIZE);
            if (key != null && "MESSAGE".equals(key.getString(0))) {
                Pointer value = fields.getPointer(i * FIELD_SIZE + 8);
                long length = fields.getLong(i * FIELD_SIZE + 16);
                if (value == null) {
                    return "";
                }
                return length < 0 ? value.getString(0) : new String(value.getByteArray(0, (int) Math.min(length, 4096)),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static boolean onGtk() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String glass = System.getProperty("glass.platform", "");
        return os.contains("linux") && (glass.isEmpty() || glass.equalsIgnoreCase("gtk"));
    }
}
