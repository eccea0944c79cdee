package org.socketstage.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request sock_diag is sent and the answer read back, byte by byte, with no kernel involved. */
class SockDiagTest {

    private static final int DIAG_MESSAGE = 20;
    private static final int DONE = 3;
    private static final int ERROR = 2;

    @Test
    void theRequestAsksForTcpOfOneFamilyInTheGivenStatesWithThePortFilterAttached() {
        ByteBuffer b = ByteBuffer.wrap(SockDiag.request(SockDiag.AF_INET6, SockDiag.LISTEN_ONLY, 9090, 7))
                .order(ByteOrder.nativeOrder());

        assertThat(b.capacity()).isEqualTo(16 + 56 + 4 + 36);
        assertThat(b.getInt(0)).as("nlmsg_len").isEqualTo(b.capacity());
        assertThat(b.getShort(4)).as("SOCK_DIAG_BY_FAMILY").isEqualTo((short) 20);
        assertThat(b.getShort(6)).as("NLM_F_REQUEST | NLM_F_DUMP").isEqualTo((short) 0x301);
        assertThat(b.getInt(8)).as("sequence").isEqualTo(7);
        assertThat(b.get(16)).as("family").isEqualTo((byte) 10);
        assertThat(b.get(17)).as("IPPROTO_TCP").isEqualTo((byte) 6);
        assertThat(b.getInt(20)).as("states").isEqualTo(1 << 10);
        assertThat(b.getShort(72)).as("attribute length").isEqualTo((short) 40);
        assertThat(b.getShort(74)).as("INET_DIAG_REQ_BYTECODE").isEqualTo((short) 1);
    }

    @Test
    void thePortFilterPassesALocalOrARemotePortMatchAndNothingElse() {
        byte[] filter = SockDiag.portFilter(9090);

        assertThat(run(filter, 9090, 0)).as("the listener").isTrue();
        assertThat(run(filter, 9090, 41000)).as("an accepted connection").isTrue();
        assertThat(run(filter, 41000, 9090)).as("a client's end").isTrue();
        assertThat(run(filter, 9089, 9091)).isFalse();
        assertThat(run(filter, 9091, 9089)).isFalse();
        assertThat(run(filter, 41000, 22)).isFalse();
    }

    @Test
    void thePortFilterWalksThroughEveryOpOnItsTrueJumpsAsTheKernelsAuditWants() {
        ByteBuffer b = ByteBuffer.wrap(SockDiag.portFilter(80)).order(ByteOrder.nativeOrder());
        int at = 0;
        List<Integer> visited = new ArrayList<>();
        while (at < b.capacity()) {
            visited.add(at);
            int yes = b.get(at + 1) & 0xFF;
            int no = b.getShort(at + 2) & 0xFFFF;
            int left = b.capacity() - at;
            assertThat(yes % 4).isZero();
            assertThat(no % 4).isZero();
            assertThat(no).isLessThanOrEqualTo(left + 4);
            at += yes;
        }
        assertThat(at).isEqualTo(b.capacity());
        assertThat(visited).containsExactly(0, 8, 16, 20, 28);
    }

    @Test
    void anIpv4ListenerRowReadsAsProcShowsIt() {
        List<TcpSocketRow> rows = new ArrayList<>();
        byte[] answer = datagram(message(SockDiag.AF_INET, 10, new byte[] {127, 0, 0, 1}, 9090, new byte[4], 0,
                3, 5, 4242), done(0));

        assertThat(SockDiag.parse(answer, answer.length, SockDiag.AF_INET, rows)).isEqualTo(SockDiag.Answer.DONE);
        assertThat(rows).containsExactly(new TcpSocketRow(TcpState.LISTEN, "127.0.0.1", 9090, "0.0.0.0", 0,
                0, 3, 4242, false));
    }

    @Test
    void ipv6RowsShowMappedAddressesAsIpv4AndTheRestInTheirShortForm() {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 127;
        mapped[15] = 1;
        byte[] loopback6 = new byte[16];
        loopback6[15] = 1;
        List<TcpSocketRow> rows = new ArrayList<>();
        byte[] answer = datagram(
                message(SockDiag.AF_INET6, 1, loopback6, 9090, loopback6, 50000, 7, 11, 99),
                message(SockDiag.AF_INET6, 6, mapped, 9090, mapped, 50001, 0, 0, 0));

        assertThat(SockDiag.parse(answer, answer.length, SockDiag.AF_INET6, rows)).isEqualTo(SockDiag.Answer.MORE);
        assertThat(rows).containsExactly(
                new TcpSocketRow(TcpState.ESTABLISHED, "::1", 9090, "::1", 50000, 11, 7, 99, true),
                new TcpSocketRow(TcpState.TIME_WAIT, "127.0.0.1", 9090, "127.0.0.1", 50001, 0, 0, 0, true));
    }

    @Test
    void anErrorFromTheKernelIsARefusalAndABrokenOffDumpIsDropped() {
        List<TcpSocketRow> rows = new ArrayList<>();
        byte[] error = datagram(header(ERROR, 36, -22));
        byte[] brokenOff = datagram(done(-4));

        assertThat(SockDiag.parse(error, error.length, SockDiag.AF_INET, rows)).isEqualTo(SockDiag.Answer.REFUSED);
        assertThat(SockDiag.parse(brokenOff, brokenOff.length, SockDiag.AF_INET, rows))
                .isEqualTo(SockDiag.Answer.MALFORMED);
    }

    @Test
    void lengthsThatDoNotAddUpAndRecordsOfTheWrongFamilyAreDroppedNotGuessedAt() {
        byte[] row = message(SockDiag.AF_INET, 1, new byte[4], 1, new byte[4], 2, 0, 0, 1);
        byte[] overlong = row.clone();
        ByteBuffer.wrap(overlong).order(ByteOrder.nativeOrder()).putInt(0, row.length + 4);
        byte[] tooShort = datagram(header(DIAG_MESSAGE, 40, 0));
        byte[] trailing = datagram(row, new byte[8]);

        assertThat(parse(overlong, SockDiag.AF_INET)).isEqualTo(SockDiag.Answer.MALFORMED);
        assertThat(parse(tooShort, SockDiag.AF_INET)).isEqualTo(SockDiag.Answer.MALFORMED);
        assertThat(parse(trailing, SockDiag.AF_INET)).isEqualTo(SockDiag.Answer.MALFORMED);
        assertThat(parse(row, SockDiag.AF_INET6)).as("an IPv4 record in the IPv6 answer")
                .isEqualTo(SockDiag.Answer.MALFORMED);
        assertThat(SockDiag.parse(row, row.length + 1, SockDiag.AF_INET, new ArrayList<>()))
                .as("a length past the buffer").isEqualTo(SockDiag.Answer.MALFORMED);
    }

    @Test
    void anAnswerOfMoreThanTheRowLimitIsDropped() {
        List<TcpSocketRow> rows = new ArrayList<>();
        byte[] row = message(SockDiag.AF_INET, 1, new byte[4], 1, new byte[4], 2, 0, 0, 1);
        for (int i = 0; i < SockDiag.MAX_ROWS; i++) {
            rows.add(new TcpSocketRow(TcpState.ESTABLISHED, "0.0.0.0", 1, "0.0.0.0", 2, 0, 0, 1, false));
        }

        assertThat(SockDiag.parse(row, row.length, SockDiag.AF_INET, rows)).isEqualTo(SockDiag.Answer.TOO_MANY);
        assertThat(rows).hasSize(SockDiag.MAX_ROWS);
    }

    private static SockDiag.Answer parse(byte[] data, int family) {
        return SockDiag.parse(data, data.length, family, new ArrayList<>());
    }

    /** The kernel's inet_diag_bc_run: pass when the jumps land exactly on the end, fail past it. */
    private static boolean run(byte[] filter, int localPort, int remotePort) {
        ByteBuffer b = ByteBuffer.wrap(filter).order(ByteOrder.nativeOrder());
        int at = 0;
        int left = filter.length;
        while (left > 0) {
            int code = b.get(at);
            int operand = at + 4 < filter.length ? b.getShort(at + 6) & 0xFFFF : -1;
            boolean yes = switch (code) {
                case 1 -> false;
                case 2 -> localPort >= operand;
                case 3 -> localPort <= operand;
                case 4 -> remotePort >= operand;
                case 5 -> remotePort <= operand;
                default -> throw new AssertionError("unexpected op " + code);
            };
            int jump = yes ? b.get(at + 1) & 0xFF : b.getShort(at + 2) & 0xFFFF;
            at += jump;
            left -= jump;
        }
        return left == 0;
    }

    private static byte[] message(int family, int state, byte[] local, int localPort, byte[] remote, int remotePort,
            int rqueue, int wqueue, int inode) {
        ByteBuffer b = ByteBuffer.allocate(16 + 72).order(ByteOrder.nativeOrder());
        b.putInt(88).putShort((short) DIAG_MESSAGE).putShort((short) 2).putInt(1).putInt(0);
        b.put((byte) family).put((byte) state).put((byte) 0).put((byte) 0);
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) localPort).putShort((short) remotePort);
        b.put(16 + 8, local).put(16 + 24, remote);
        b.order(ByteOrder.nativeOrder()).putInt(16 + 56, rqueue).putInt(16 + 60, wqueue).putInt(16 + 68, inode);
        return b.array();
    }

    private static byte[] done(int error) {
        return header(DONE, 20, error);
    }

    private static byte[] header(int type, int length, int firstWord) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        b.putInt(length).putShort((short) type).putShort((short) 2).putInt(1).putInt(0).putInt(firstWord);
        return b.array();
    }

    private static byte[] datagram(byte[]... messages) {
        ByteBuffer b = ByteBuffer.allocate(8192);
        for (byte[] m : messages) {
            b.put(m);
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }
}
