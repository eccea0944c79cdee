package org.socketstage.tracer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socketstage.socket.Platform;

/** The parts of decoding that need no tracee: addresses, flag names, wait statuses, call numbers. */
class DecodingTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void anIpv4AddressIsWrittenAsStraceWritesIt() {
        SocketAddress a = SocketAddress.decode(bytes(2, 0, 0x23, 0x82, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(a.text()).isEqualTo("{sa_family=AF_INET, sin_port=htons(9090), sin_addr=inet_addr(\"127.0.0.1\")}");
        assertThat(a.ipv4()).hasToString("127.0.0.1:9090");
    }

    @Test
    void withoutHtonsThePortsBytesComeSwapped() {
        // 9090 stored in x86 order is 82 23: the kernel reads port 0x8223
        SocketAddress a = SocketAddress.decode(bytes(2, 0, 0x82, 0x23, 127, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(a.port()).isEqualTo(33315);
    }

    @Test
    void ipv6AddressesAndMappedIpv4() {
        byte[] loop6 = new byte[28];
        loop6[0] = 10;
        loop6[2] = 0x23;
        loop6[3] = (byte) 0x82;
        loop6[23] = 1;
        SocketAddress six = SocketAddress.decode(loop6);
        assertThat(six.text()).isEqualTo("{sa_family=AF_INET6, sin6_port=htons(9090), sin6_flowinfo=htonl(0), "
                + "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}");
        assertThat(six.ipv4()).isNull();
        byte[] mapped = loop6.clone();
        mapped[23] = 0;
        mapped[18] = (byte) 0xff;
        mapped[19] = (byte) 0xff;
        mapped[20] = 127;
        mapped[23] = 1;
        assertThat(SocketAddress.decode(mapped).ipv4()).hasToString("127.0.0.1:9090");
        assertThat(SocketAddress.decode(mapped).text()).contains("::ffff:127.0.0.1");
    }

    @Test
    void ipv6FlowLabelAndScopeIdAreReadFromTheBytesNotAssumed() {
        byte[] linkLocal = new byte[28];
        linkLocal[0] = 10;
        linkLocal[2] = 0x23;
        linkLocal[3] = (byte) 0x82;
        linkLocal[6] = 0x12;                // sin6_flowinfo 0x1234, network byte order
        linkLocal[7] = 0x34;
        linkLocal[8] = (byte) 0xfe;         // fe80::1
        linkLocal[9] = (byte) 0x80;
        linkLocal[23] = 1;
        linkLocal[24] = 2;                  // sin6_scope_id 2 (interface 2), host byte order
        assertThat(SocketAddress.decode(linkLocal).text()).isEqualTo("{sa_family=AF_INET6, sin6_port=htons(9090), "
                + "sin6_flowinfo=htonl(4660), inet_pton(AF_INET6, \"fe80::1\", &sin6_addr), sin6_scope_id=2}");
        // the 24-byte sockaddr_in6 of RFC 2133 has no scope id to show
        assertThat(SocketAddress.decode(java.util.Arrays.copyOf(linkLocal, 24)).text()).doesNotContain("scope_id")
                .endsWith("&sin6_addr)}");
    }

    @Test
    void aUnixSocketPath() {
        byte[] raw = new byte[2 + 9];
        raw[0] = 1;
        System.arraycopy("/run/x.s".getBytes(), 0, raw, 2, 8);
        assertThat(SocketAddress.decode(raw).text()).isEqualTo("{sa_family=AF_UNIX, sun_path=\"/run/x.s\"}");
    }

    @Test
    void flagsAndConstantsByName() {
        assertThat(SocketNames.type(1 | 0x80000)).isEqualTo("SOCK_STREAM|SOCK_CLOEXEC");
        assertThat(SocketNames.msgFlags(0x4000)).isEqualTo("MSG_NOSIGNAL");
        assertThat(SocketNames.msgFlags(0)).isEqualTo("0");
        assertThat(SocketNames.msgFlags(0x40 | 0x4000 | 0x10000)).isEqualTo("MSG_DONTWAIT|MSG_NOSIGNAL|0x10000");
        assertThat(SocketNames.option(1, 2)).isEqualTo("SO_REUSEADDR");
        assertThat(SocketNames.option(6, 1)).isEqualTo("TCP_NODELAY");
        assertThat(SocketNames.shutdownHow(1)).isEqualTo("SHUT_WR");
        assertThat(SocketNames.pollEvents(1 | 4)).isEqualTo("POLLIN|POLLOUT");
        assertThat(SocketNames.family(10)).isEqualTo("AF_INET6");
    }

    @Test
    void waitStatusesReadLikeTheMacros() {
        WaitStatus exited = new WaitStatus(1 << 8);
        assertThat(exited.exited()).isTrue();
        assertThat(exited.exitCode()).isEqualTo(1);
        WaitStatus pipe = new WaitStatus(13);
        assertThat(pipe.signaled()).isTrue();
        assertThat(ProgramExit.of(7, pipe).text()).startsWith("was killed by SIGPIPE");
        WaitStatus syscall = new WaitStatus(((5 | 0x80) << 8) | 0x7f);
        assertThat(syscall.syscallStop()).isTrue();
        WaitStatus fork = new WaitStatus((Ptrace.EVENT_FORK << 16) | (5 << 8) | 0x7f);
        assertThat(fork.stopped()).isTrue();
        assertThat(fork.event()).isEqualTo(Ptrace.EVENT_FORK);
        assertThat(fork.syscallStop()).isFalse();
    }

    @Test
    void callNumbersOfBothArchitectures() {
        Arch x86 = Arch.forName("amd64").orElseThrow();
        assertThat(x86.syscall(41)).isEqualTo(Syscall.SOCKET);
        assertThat(x86.syscall(288)).isEqualTo(Syscall.ACCEPT4);
        assertThat(x86.syscall(45)).isEqualTo(Syscall.RECVFROM);
        assertThat(x86.syscall(39)).isNull();
        // aarch64 is written to the same interface and its table checked here; its registers are untested
        Arch arm = Arch.forName("aarch64").orElseThrow();
        assertThat(arm.syscall(198)).isEqualTo(Syscall.SOCKET);
        assertThat(arm.syscall(202)).isEqualTo(Syscall.ACCEPT);
        assertThat(arm.syscall(57)).isEqualTo(Syscall.CLOSE);
        assertThat(arm.syscall(64)).isEqualTo(Syscall.WRITE);
        assertThat(Arch.forName("riscv64")).isEmpty();
    }

    @Test
    void elsewhereThanLinuxTracingSaysItNeedsLinux() {
        assertThat(Tracing.reason(Platform.MACOS, "Mac OS X", "aarch64")).hasValueSatisfying(r ->
                assertThat(r).startsWith("tracing a program needs Linux").contains("Mac OS X"));
        assertThat(Tracing.reason(Platform.OTHER, "Windows 11", "amd64")).hasValueSatisfying(r ->
                assertThat(r).contains("needs Linux"));
        assertThat(Tracing.reason(Platform.LINUX, "Linux", "riscv64")).hasValueSatisfying(r ->
                assertThat(r).contains("x86_64 and aarch64").contains("riscv64"));
    }
}
