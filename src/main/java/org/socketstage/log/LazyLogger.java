package org.socketstage.log;

import java.util.ResourceBundle;

/**
 * A {@link System.Logger} that asks the JDK for the real one at its first use. Making a System.Logger starts the
 * JDK's logging, which first searches every jar of the class path for a logging service (the window's JavaFX jars
 * included): about 20 ms that lay on the trace mode's way to listen() when the bus and the session made their
 * loggers as they were made. They log only when something goes wrong, usually never.
 */
public final class LazyLogger implements System.Logger {

    private final String name;
    private volatile System.Logger logger;

    private LazyLogger(String name) {
        this.name = name;
    }

    /** A logger named after {@code owner}, made when it is first used. */
    public static System.Logger of(Class<?> owner) {
        return new LazyLogger(owner.getName());
    }

    private System.Logger logger() {
        System.Logger made = logger;
        if (made == null) {
            made = System.getLogger(name);
            logger = made;
        }
        return made;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        return logger().isLoggable(level);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        logger().log(level, bundle, message, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {
        logger().log(level, bundle, format, parameters);
    }
}
