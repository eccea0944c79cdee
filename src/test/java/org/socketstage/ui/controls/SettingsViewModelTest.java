package org.socketstage.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socketstage.settings.Concurrency;
import org.socketstage.settings.ServerConfig;
import org.socketstage.ui.text.UiText;

class SettingsViewModelTest {

    private final java.util.List<org.socketstage.settings.ServerConfig> chosen = new java.util.ArrayList<>();
    private final SettingsViewModel vm = new SettingsViewModel(UiText.load(), org.socketstage.settings.ServerConfig.defaults(), chosen::add, () -> List.of("192.168.1.20"));

    @Test
    void defaultsAreValidAndLoopback() {
        assertThat(vm.isValid()).isTrue();
        ServerConfig c = vm.toConfig().orElseThrow();
        assertThat(c.bindHost()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(9090);
        assertThat(vm.allInterfacesNoticeProperty().get()).isEmpty();
    }

    @Test
    void aBadPortSaysWhatIsAcceptedAndBlocksTheConfig() {
        vm.portProperty().set("99999");
        assertThat(vm.portErrorProperty().get()).contains("port must be a number from 0 to 65535", "99999");
        assertThat(vm.isValid()).isFalse();
        assertThat(vm.toConfig()).isEmpty();
        vm.portProperty().set("abc");
        assertThat(vm.portErrorProperty().get()).contains("abc");
        vm.portProperty().set("8080");
        assertThat(vm.portErrorProperty().get()).isEmpty();
        assertThat(vm.isValid()).isTrue();
    }

    @Test
    void aBadBacklogAndAddressEachGetTheirOwnMessage() {
        vm.backlogProperty().set("0");
        vm.bindAddressProperty().set("");
        assertThat(vm.backlogErrorProperty().get()).contains("backlog must be a whole number of at least 1");
        assertThat(vm.addressErrorProperty().get()).contains("IPv4 address");
        assertThat(vm.problems().lines()).hasSize(2);
    }

    @Test
    void allInterfacesShowsWhoCanConnectAndTheNcLine() {
        vm.bindAddressProperty().set("0.0.0.0");
        vm.portProperty().set("7000");
        assertThat(vm.allInterfacesNoticeProperty().get())
                .contains("other machines", "192.168.1.20", "nc 192.168.1.20 7000");
    }

    @Test
    void theConfigCarriesEveryChoice() {
        vm.backlogProperty().set("2");
        vm.reuseAddrProperty().set(false);
        vm.concurrencyProperty().set(Concurrency.THREAD_PER_CLIENT);
        ServerConfig c = vm.toConfig().orElseThrow();
        assertThat(c.backlog()).isEqualTo(2);
        assertThat(c.reuseAddr()).isFalse();
        assertThat(c.concurrency()).isEqualTo(Concurrency.THREAD_PER_CLIENT);
    }

    @Test
    void everyValidEditIsTheUsersChoiceAndAnInvalidOneIsNot() {
        vm.portProperty().set("9300");
        vm.backlogProperty().set("x");
        vm.backlogProperty().set("7");
        vm.maxConnectionsProperty().set("2000");
        assertThat(vm.maxConnectionsErrorProperty().get()).contains("from 1 to 1024", "2000");
        assertThat(chosen).extracting(ServerConfig::port).containsOnly(9300);
        assertThat(chosen.get(chosen.size() - 1).backlog()).isEqualTo(7);
        assertThat(chosen).noneMatch(c -> c.maxConnections() == 2000);
    }

    @Test
    void settingsTheSessionReportsShowInTheFieldsWithoutCountingAsTheUsers() {
        ServerConfig demo = ServerConfig.defaults().withBacklog(1).withBindHost("192.0.2.1").withMaxConnections(3);
        vm.apply(new org.socketstage.event.ServerEvent.SettingsChanged(1, java.time.Instant.now(),
                org.socketstage.event.Actor.SERVER, demo, false));
        assertThat(vm.backlogProperty().get()).isEqualTo("1");
        assertThat(vm.bindAddressProperty().get()).isEqualTo("192.0.2.1");
        assertThat(vm.maxConnectionsProperty().get()).isEqualTo("3");
        assertThat(chosen).isEmpty();
    }

    @Test
    void aBroadcastOrMulticastAddressIsRefusedWithAReason() {
        vm.bindAddressProperty().set("255.255.255.255");
        assertThat(vm.addressErrorProperty().get()).contains("broadcast");
        vm.bindAddressProperty().set("224.0.0.1");
        assertThat(vm.addressErrorProperty().get()).contains("multicast");
    }

    @Test
    void switchingTheModeMovesABacklogLeftAtItsDefaultAndKeepsAChosenOne() {
        assertThat(vm.backlogProperty().get()).isEqualTo("5");
        vm.concurrencyProperty().set(Concurrency.THREAD_PER_CLIENT);
        assertThat(vm.backlogProperty().get()).isEqualTo("128");
        assertThat(chosen.get(chosen.size() - 1).backlog()).isEqualTo(128);
        vm.concurrencyProperty().set(Concurrency.ITERATIVE);
        assertThat(vm.backlogProperty().get()).isEqualTo("5");
        vm.backlogProperty().set("2");
        vm.concurrencyProperty().set(Concurrency.THREAD_PER_CLIENT);
        assertThat(vm.backlogProperty().get()).isEqualTo("2");
    }

    @Test
    void theIdleTimeoutIsASettingWithItsOwnMessage() {
        assertThat(vm.idleTimeoutProperty().get()).isEqualTo("300");
        vm.idleTimeoutProperty().set("-1");
        assertThat(vm.idleTimeoutErrorProperty().get()).contains("seconds from 0 (never) to 86400", "-1");
        assertThat(vm.isValid()).isFalse();
        vm.idleTimeoutProperty().set("0");
        assertThat(vm.isValid()).isTrue();
        assertThat(chosen.get(chosen.size() - 1).idleTimeoutSeconds()).isZero();
    }
}
