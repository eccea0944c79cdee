package org.socketstage.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a LazyLogger logs reaches the JDK's logger of the same name, as a System.Logger made at once would. */
class LazyLoggerTest {

    private final Logger jdkLogger = Logger.getLogger(LazyLoggerTest.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        jdkLogger.setUseParentHandlers(false);
        jdkLogger.addHandler(handler);
        jdkLogger.setLevel(Level.INFO);
    }

    @AfterEach
    void stopListening() {
        jdkLogger.removeHandler(handler);
        jdkLogger.setUseParentHandlers(true);
        jdkLogger.setLevel(null);
    }

    @Test
    void itIsNamedAfterItsOwner() {
        assertThat(LazyLogger.of(LazyLoggerTest.class).getName()).isEqualTo(LazyLoggerTest.class.getName());
    }

    @Test
    void aMessageAndItsThrowableReachTheLoggerOfThatName() {
        System.Logger log = LazyLogger.of(LazyLoggerTest.class);
        IllegalStateException cause = new IllegalStateException("boom");
        log.log(System.Logger.Level.WARNING, "could not start the server", cause);
        log.log(System.Logger.Level.ERROR, "listener {0} failed", "stdout");
        assertThat(records).extracting(LogRecord::getLevel).containsExactly(Level.WARNING, Level.SEVERE);
        assertThat(records.get(0).getMessage()).isEqualTo("could not start the server");
        assertThat(records.get(0).getThrown()).isSameAs(cause);
        assertThat(records.get(1).getMessage()).isEqualTo("listener {0} failed");
        assertThat(records.get(1).getParameters()).containsExactly("stdout");
    }

    @Test
    void levelsBelowTheLoggersAreNeitherLoggableNorLogged() {
        System.Logger log = LazyLogger.of(LazyLoggerTest.class);
        assertThat(log.isLoggable(System.Logger.Level.DEBUG)).isFalse();
        assertThat(log.isLoggable(System.Logger.Level.INFO)).isTrue();
        log.log(System.Logger.Level.DEBUG, () -> "not made");
        assertThat(records).isEmpty();
    }
}
