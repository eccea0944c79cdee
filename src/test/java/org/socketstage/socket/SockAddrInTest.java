package org.socketstage.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SockAddrInTest {

    @Test
    void port9090IsStoredHighByteFirst() {
        SockAddrIn a = SockAddrIn.loopback(9090);
        assertThat(a.portNetworkOrder()).containsExactly(0x23, 0x82);
        assertThat(a.portHostOrderLittleEndian()).containsExactly(0x82, 0x23);
    }

    @Test
    void linuxStructHasFamilyPortAddressAndZeroPadding() {
        byte[] b = SockAddrIn.loopback(9090).structBytes(Platform.LINUX);
        assertThat(b).hasSize(16);
        assertThat(b).startsWith(new byte[] {2, 0, 0x23, (byte) 0x82, 0x7f, 0, 0, 1});
        assertThat(java.util.Arrays.copyOfRange(b, 8, 16)).containsOnly(0);
    }

    @Test
    void macStructStartsWithLengthThenOneByteFamily() {
        byte[] b = SockAddrIn.any(80).structBytes(Platform.MACOS);
        assertThat(b).startsWith(new byte[] {16, 2, 0, 80, 0, 0, 0, 0});
    }

    @Test
    void roundTripsThroughStructBytes() {
        SockAddrIn a = new SockAddrIn(new byte[] {10, 1, 2, 3}, 51234);
        assertThat(SockAddrIn.fromStructBytes(a.structBytes())).isEqualTo(a);
        assertThat(a.straceText()).isEqualTo("{sa_family=AF_INET, sin_port=htons(51234), sin_addr=inet_addr(\"10.1.2.3\")}");
    }

    @Test
    void rejectsPortOutOfRange() {
        assertThatThrownBy(() -> SockAddrIn.loopback(70000)).hasMessageContaining("0 to 65535");
    }
}
