package org.socketstage.socket;

import java.util.Locale;
import java.util.Optional;

/** The two ways SocketStage can make socket calls; chosen automatically or with {@code --backend}. */
public enum SocketBackend {
    NATIVE("native"),
    JDK("jdk");

    private final String option;

    SocketBackend(String option) {
        this.option = option;
    }

    /** The word used on the command line. */
    public String option() {
        return option;
    }

    /** @throws IllegalStateException for NATIVE where libc sockets are not available, saying why. */
    public SocketApi create() {
        return this == NATIVE ? new NativeSocketApi() : new JdkSocketApi();
    }

    /**
     * Starts loading libc through JNA on a thread of its own (a third of a second on a cold start), so that
     * it overlaps the parsing of the options and the start of the toolkit instead of coming after them. The thread
     * also sets JNA's properties first ({@link JnaQuickStart#apply()}), and its task is a class of its own rather
     * than a lambda: the calling thread only starts it, and meets the JVM's lambda machinery, which the loader then
     * starts meanwhile, at its own first lambda.
     */
    public static void loadNativeEarly() {
        Thread loader = new Thread(new LibcLoader(), "socketstage-libc-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private static final class LibcLoader implements Runnable {
        @Override
        public void run() {
            JnaQuickStart.apply();
            NativeSocketApi.isSupported();
        }
    }

    /**
     * The native backend where it works, else the java.nio one: chosen at its first call, so that making it (and
     * the session around it) does not wait for libc to load.
     */
    public static SocketApi auto() {
        return new ChosenOnFirstUse(() -> NativeSocketApi.isSupported() ? NATIVE.create() : JDK.create());
    }

    /** Accepts "native" or "jdk" (any case, surrounding spaces ignored); anything else is empty. */
    public static Optional<SocketBackend> fromOption(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (SocketBackend b : values()) {
            if (b.option.equals(wanted)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    public boolean isAvailable() {
        return this == JDK || NativeSocketApi.isSupported();
    }
}
