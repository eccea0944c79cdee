package org.socketstage.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The automatic backend is chosen at its first call, once, and every call then reaches the chosen one. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ChosenOnFirstUseTest {

    private final AtomicInteger choices = new AtomicInteger();

    private ChosenOnFirstUse counted() {
        return new ChosenOnFirstUse(() -> {
            choices.incrementAndGet();
            return new JdkSocketApi();
        });
    }

    @Test
    void makingItChoosesNothingTheFirstCallDoes() throws Exception {
        ChosenOnFirstUse api = counted();
        assertThat(choices).hasValue(0);
        assertThat(api.name()).isEqualTo("jdk (java.nio)");
        assertThat(choices).hasValue(1);
        assertThat(api.realFileDescriptors()).isFalse();
        assertThat(api.fusesBindAndListen()).isTrue();
        assertThat(choices).hasValue(1);
    }

    @Test
    void threadsCallingFirstAtOnceGetOneChoice() throws Exception {
        ChosenOnFirstUse api = counted();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<SocketApi> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                seen.add(api.chosen());
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(choices).hasValue(1);
        assertThat(seen).hasSize(8).allSatisfy(a -> assertThat(a).isSameAs(seen.get(0)));
    }

    @Test
    void aServerAndAClientTalkThroughIt() throws Exception {
        SocketApi api = counted();
        OpenHandles sockets = new OpenHandles(api);
        try {
            int listener = sockets.listener(5);
            int client = sockets.connectedClient(sockets.port(listener));
            Accepted accepted = api.accept(listener);
            byte[] hello = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(api.send(client, hello, 0, hello.length, 0)).isEqualTo(5);
            byte[] got = new byte[16];
            assertThat(api.poll(accepted.fd(), SocketConstants.POLLIN, 5000) & SocketConstants.POLLIN).isNotZero();
            assertThat(api.recv(accepted.fd(), got, got.length, 0)).isEqualTo(5);
            assertThat(api.getpeername(accepted.fd()).port()).isEqualTo(api.getsockname(client).port());
            api.close(accepted.fd());
        } finally {
            sockets.close();
        }
        assertThat(choices).hasValue(1);
    }

    @Test
    void theAutomaticBackendIsChosenOnFirstUse() {
        SocketApi auto = SocketBackend.auto();
        assertThat(auto).isInstanceOf(ChosenOnFirstUse.class);
        SocketApi chosen = ((ChosenOnFirstUse) auto).chosen();
        assertThat(chosen).isInstanceOf(NativeSocketApi.isSupported() ? NativeSocketApi.class : JdkSocketApi.class);
    }
}
