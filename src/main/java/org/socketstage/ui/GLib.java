package org.socketstage.ui;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Optional;
import org.socketstage.socket.JnaQuickStart;

/**
 * The part of GLib (under GTK, which JavaFX's window uses on Linux) the window needs: its log handlers, to notice
 * a window destroyed from outside (GtkWindowLoss), and the process environment, to set what GTK reads as it
 * starts (RenderingChoice). Loaded through JNA once, on first use; empty where GLib is not there.
 */
interface GLib extends Library {

    interface LogFunc extends Callback {
        void invoke(String domain, int level, String message, Pointer data);
    }

    int g_log_set_handler(String domain, int levels, LogFunc handler, Pointer data);

    void g_log_default_handler(String domain, int level, String message, Pointer data);

    /** GDK logs its warnings structured: they reach the program's one writer function, not a handler. */
    interface LogWriterFunc extends Callback {
        int invoke(int level, Pointer fields, long fieldCount, Pointer data);
    }

    void g_log_set_writer_func(LogWriterFunc writer, Pointer data, Pointer destroy);

    int g_log_writer_default(int level, Pointer fields, long fieldCount, Pointer data);

    /** Sets a variable in the process's environment (libc's, which native code reads); true when it did. */
    boolean g_setenv(String variable, String value, boolean overwrite);

    String g_getenv(String variable);

    static Optional<GLib> load() {
        return Loaded.LIB;
    }

    /** Holder: the library is looked for once, when first asked for. */
    final class Loaded {
        private Loaded() {}

        static final Optional<GLib> LIB = find();

        private static Optional<GLib> find() {
            try {
                JnaQuickStart.apply();
                return Optional.of(Native.load("glib-2.0", GLib.class));
            } catch (LinkageError | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
