package org.socketstage.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KernelAddressTest {

    @ParameterizedTest
    @CsvSource({
            "0100007F, 127.0.0.1",
            "00000000, 0.0.0.0",
            "0B00A8C0, 192.168.0.11",
            "0000000000000000FFFF00000100007F, 127.0.0.1",
            "00000000000000000000000001000000, ::1",
            "00000000000000000000000000000000, ::",
            "000080FE000000000000000001000000, fe80::1",
            "B80D0120000000000000000001000000, 2001:db8::1",
            "B80D012000000000ABCD000000000000, 2001:db8::cdab:0:0",
            "B80D0120010000000000000001000000, 2001:db8:0:1::1",
    })
    void readsLittleEndianWords(String hex, String expected) {
        assertThat(KernelAddress.host(hex, ByteOrder.LITTLE_ENDIAN))
                .contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"7F000001, 127.0.0.1", "00000000000000000000FFFF7F000001, 127.0.0.1", "00000000000000000000000000000001, ::1"})
    void readsBigEndianWordsAsPrinted(String hex, String expected) {
        assertThat(KernelAddress.host(hex, ByteOrder.BIG_ENDIAN)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0100007", "0100007G", "-100007F", "0100007F0100007F"})
    void rejectsWhatIsNotAnAddress(String hex) {
        assertThat(KernelAddress.host(hex, ByteOrder.LITTLE_ENDIAN)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"0:0:0:0:0:0:0:0, ::", "1:0:0:2:0:0:0:3, 1:0:0:2::3", "1:0:1:0:1:0:1:0, 1:0:1:0:1:0:1:0",
            "0:0:1:0:0:1:0:0, ::1:0:0:1:0:0"})
    void compressesTheFirstLongestZeroRun(String groups, String expected) {
        String[] g = groups.split(":");
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            int v = Integer.parseInt(g[i], 16);
            b[2 * i] = (byte) (v >> 8);
            b[2 * i + 1] = (byte) v;
        }
        assertThat(KernelAddress.ipv6Text(b)).isEqualTo(expected);
    }
}
