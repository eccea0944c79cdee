package org.socketstage.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ErrnoTest {

    @Test
    void linuxNumbersHaveTheirNames() {
        assumeTrue(Platform.current() == Platform.LINUX);
        assertThat(Errno.of(98).name()).isEqualTo("EADDRINUSE");
        assertThat(Errno.of(111).name()).isEqualTo("ECONNREFUSED");
        assertThat(Errno.of(5).straceText()).isEqualTo("EIO (Input/output error)");
    }

    @Test
    void byNameGivesThisSystemsNumber() {
        Errno e = Errno.byName("ECONNRESET").orElseThrow();
        assertThat(e.name()).isEqualTo("ECONNRESET");
        assertThat(e.number()).isEqualTo(Platform.current() == Platform.MACOS ? 54 : 104);
        assertThat(Errno.byName("ENOSUCHTHING")).isEmpty();
    }

    @Test
    void unknownNumbersDoNotCrash() {
        Errno e = Errno.of(4242);
        assertThat(e.name()).isEqualTo("E4242");
        assertThat(e.message()).contains("4242");
        assertThat(Errno.of(-1).name()).isEqualTo("E-1");
    }

    @Test
    void theSystemsOwnMessageWinsOverTheTable() {
        Errno e = Errno.of(Errno.byName("EPIPE").orElseThrow().number(), "Broken pipe (from strerror)");
        assertThat(e.name()).isEqualTo("EPIPE");
        assertThat(e.message()).isEqualTo("Broken pipe (from strerror)");
    }
}
