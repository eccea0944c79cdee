package org.socketstage.server;

import java.util.function.Consumer;
import org.socketstage.kernel.KernelSnapshot;

/** Watches the kernel's table for the server's port once it listens, reporting each change. */
public interface KernelView {

    /** For platforms without a kernel table, or when nobody wants one. */
    KernelView NONE = new KernelView() {
        @Override
        public void start(int port, int backlog, Consumer<KernelSnapshot> onChange) {}

        @Override
        public void stop() {}
    };

    /** Starts watching {@code port}; {@code backlog} is listen()'s, or 0 when nothing listens (any more). */
    void start(int port, int backlog, Consumer<KernelSnapshot> onChange);

    void stop();

    /**
     * Something changed on the server's side (a connection was accepted or closed): look at the kernel again
     * soon instead of waiting for the next regular look. Views that look only now and then rely on it.
     */
    default void nudge() {}
}
