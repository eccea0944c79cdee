package org.socketstage.ui.sockaddr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socketstage.event.Actor;
import org.socketstage.event.Step;
import org.socketstage.socket.Errno;
import org.socketstage.socket.Platform;
import org.socketstage.socket.SockAddrIn;
import org.socketstage.event.TestEvents;
import org.socketstage.ui.text.UiText;

class SockaddrViewModelTest {

    private final TestEvents events = new TestEvents();
    private final SockaddrViewModel vm = new SockaddrViewModel(UiText.load(), Platform.LINUX);

    @Test
    void beforeBindNothingIsBuilt() {
        vm.apply(events.ok(Actor.SERVER, Step.SOCKET, "socket", "AF_INET, SOCK_STREAM, 0", 3));
        assertThat(vm.isBuilt()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Not built yet");
        assertThat(vm.byteHex()).hasSize(16).containsOnly("--");
        assertThat(vm.fields()).extracting(FieldRow::hex).containsOnly("");
    }

    @Test
    void the16BytesOf127001Port9090AreLabelledByMember() {
        vm.apply(events.bind(SockAddrIn.loopback(9090), 0, null));

        assertThat(vm.isBuilt()).isTrue();
        assertThat(String.join(" ", vm.byteHex())).isEqualTo("02 00 23 82 7f 00 00 01 00 00 00 00 00 00 00 00");
        assertThat(vm.fields()).extracting(f -> f.field().cName(), FieldRow::offset, FieldRow::hex).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sin_family", 0, "02 00"),
                org.assertj.core.groups.Tuple.tuple("sin_port", 2, "23 82"),
                org.assertj.core.groups.Tuple.tuple("sin_addr", 4, "7f 00 00 01"),
                org.assertj.core.groups.Tuple.tuple("sin_zero", 8, "00 00 00 00 00 00 00 00"));
        assertThat(vm.fields().get(0).meaning()).contains("AF_INET = 2").contains("host byte order");
        assertThat(vm.fields().get(1).meaning()).startsWith("htons(9090)");
        assertThat(vm.fields().get(2).meaning()).startsWith("inet_pton(\"127.0.0.1\")");
        assertThat(vm.fields().get(3).meaning()).contains("padding");
        assertThat(vm.statusProperty().get()).isEqualTo("Handed to bind() for 127.0.0.1:9090; bind() returned 0.");
    }

    @Test
    void thePortIsShownInHostAndNetworkByteOrder() {
        vm.apply(events.bind(SockAddrIn.loopback(9090), 0, null));
        assertThat(vm.portValueProperty().get()).isEqualTo("Port 9090 = 0x2382");
        assertThat(vm.portHostOrderProperty().get()).isEqualTo("82 23");
        assertThat(vm.portNetworkOrderProperty().get()).isEqualTo("23 82");
    }

    @Test
    void aFailedBindStillShowsTheStructItWasGiven() {
        vm.apply(events.bind(SockAddrIn.any(8080), -1, Errno.byName("EADDRINUSE").orElseThrow()));
        assertThat(vm.isBuilt()).isTrue();
        assertThat(vm.fields().get(1).hex()).isEqualTo("1f 90");
        assertThat(vm.fields().get(2).meaning()).contains("INADDR_ANY");
        assertThat(vm.statusProperty().get()).endsWith("bind() returned -1 EADDRINUSE.");
    }

    @Test
    void macOsStartsWithALengthByte() {
        SockaddrViewModel mac = new SockaddrViewModel(UiText.load(), Platform.MACOS);
        SockAddrIn a = SockAddrIn.loopback(9090);
        mac.apply(new org.socketstage.event.ServerEvent.CallReturned(1, java.time.Instant.now(), Actor.SERVER,
                Step.BIND, "bind", "3, ..., 16", 0, null, false, null, null, a, a.structBytes(Platform.MACOS), 5));
        assertThat(mac.fields()).extracting(f -> f.field().cName(), FieldRow::hex).startsWith(
                org.assertj.core.groups.Tuple.tuple("sin_len", "10"),
                org.assertj.core.groups.Tuple.tuple("sin_family", "02"));
    }

    @Test
    void resetGoesBackToNotBuilt() {
        vm.apply(events.bind(SockAddrIn.loopback(9090), 0, null));
        vm.reset();
        assertThat(vm.isBuilt()).isFalse();
        assertThat(vm.byteHex()).containsOnly("--");
        assertThat(vm.portHostOrderProperty().get()).isEmpty();
    }
}
