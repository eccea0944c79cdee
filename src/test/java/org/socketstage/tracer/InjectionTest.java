package org.socketstage.tracer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InjectionTest {

    @ParameterizedTest
    @CsvSource({
        "bind=EADDRINUSE, bind, ERRNO, EADDRINUSE, 1",
        "accept=eintr@3, accept, ERRNO, EINTR, 3",
        " Recv = ECONNRESET @ 2 , recv, ERRNO, ECONNRESET, 2",
        "send=short, send, SHORT_SEND, , 1",
        "write=SHORT@2, write, SHORT_SEND, , 2",
    })
    void readsCallErrnoAndTheNthCall(String text, String call, Injection.Kind kind, String errno, int nth) {
        Injection i = Injection.parse(text);
        assertThat(i.call()).isEqualTo(call);
        assertThat(i.kind()).isEqualTo(kind);
        assertThat(i.errno() == null ? null : i.errno().name()).isEqualTo(errno);
        assertThat(i.nth()).isEqualTo(nth);
    }

    @Test
    void aTextbookNameCoversTheSystemCallsThatDoItsWork() {
        assertThat(Injection.parse("recv=EINTR").names("recvfrom")).isTrue();
        assertThat(Injection.parse("recv=EINTR").names("read")).isTrue();
        assertThat(Injection.parse("send=EPIPE").names("write")).isTrue();
        assertThat(Injection.parse("accept=EMFILE").names("accept4")).isTrue();
        assertThat(Injection.parse("recvfrom=EINTR").names("read")).isFalse();
        assertThat(Injection.parse("bind=EACCES").names("listen")).isFalse();
    }

    @Test
    void badTextSaysWhatIsAccepted() {
        assertThatThrownBy(() -> Injection.parse("bind")).hasMessageContaining("CALL=ERRNO[@N]");
        assertThatThrownBy(() -> Injection.parse("frob=EINTR")).hasMessageContaining("unknown call \"frob\"")
                .hasMessageContaining("accept4");
        assertThatThrownBy(() -> Injection.parse("bind=ENOPE")).hasMessageContaining("unknown errno \"ENOPE\"");
        assertThatThrownBy(() -> Injection.parse("bind=EINTR@x")).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> Injection.parse("listen=short")).hasMessageContaining("send, sendto or write");
    }

    @Test
    void writtenBackTheWayItIsTyped() {
        assertThat(Injection.parse("accept=EINTR@2")).hasToString("accept=EINTR@2");
        assertThat(Injection.shortSend(1)).hasToString("send=short@1");
    }
}
