package org.socketstage.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SocketBackendTest {

    @Test
    void optionsAreNativeAndJdk() {
        assertThat(SocketBackend.fromOption("native")).contains(SocketBackend.NATIVE);
        assertThat(SocketBackend.fromOption(" JDK ")).contains(SocketBackend.JDK);
        assertThat(SocketBackend.fromOption("nio")).isEmpty();
        assertThat(SocketBackend.fromOption("")).isEmpty();
        assertThat(SocketBackend.fromOption(null)).isEmpty();
    }

    @Test
    void createGivesTheNamedBackend() {
        assertThat(SocketBackend.JDK.create()).isInstanceOf(JdkSocketApi.class);
        if (SocketBackend.NATIVE.isAvailable()) {
            assertThat(SocketBackend.NATIVE.create()).isInstanceOf(NativeSocketApi.class);
        }
    }

    @Test
    void autoPrefersNativeWhereLibcSocketsWork() {
        SocketApi chosen = SocketBackend.auto();
        if (NativeSocketApi.isSupported()) {
            assertThat(chosen.name()).isEqualTo("native (libc via JNA)");
        } else {
            assertThat(chosen.name()).isEqualTo("jdk (java.nio)");
        }
    }

    @Test
    void nativeIsSupportedOnLinux() {
        if (Platform.current() == Platform.LINUX) {
            assertThat(NativeSocketApi.isSupported()).isTrue();
        }
    }
}
