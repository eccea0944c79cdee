package org.socketstage.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketstage.socket.SockAddrIn;

class ClientTargetTest {

    @ParameterizedTest
    @CsvSource({"127.0.0.1:9090, 127.0.0.1, 9090", "' 10.0.0.7 : 80 ', 10.0.0.7, 80", "localhost:65535, 127.0.0.1, 65535"})
    void acceptsHostColonPort(String text, String host, int port) {
        ClientTarget.Parsed p = ClientTarget.parse(text);
        assertThat(p.problem()).isNull();
        assertThat(p.address()).isEqualTo(new SockAddrIn(p.address().address(), port));
        assertThat(p.address().host()).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "9090", "127.0.0.1", ":9090", "127.0.0.1:"})
    void missingHostOrPortSaysWhatIsAccepted(String text) {
        assertThat(ClientTarget.parse(text).problem()).startsWith("Type host:port, for example 127.0.0.1:9090");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:http", "127.0.0.1:-1"})
    void badPortNamesTheRange(String text) {
        assertThat(ClientTarget.parse(text).problem()).startsWith("The port must be a number from 1 to 65535");
    }

    @ParameterizedTest
    @ValueSource(strings = {"300.1.1.1:9090", "1.2.3:9090", "1..2.3:9090"})
    void aBadDottedAddressIsExplainedWithoutAnyLookup(String text) {
        assertThat(ClientTarget.parse(text).problem()).contains("is not an IPv4 address")
                .contains("four numbers from 0 to 255");
    }
}
