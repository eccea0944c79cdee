package org.socketstage.ui.schematic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PeersTest {

    private final Peers peers = new Peers();

    private Peer peer(long id, int clientNumber) {
        Peer p = new Peer(id, clientNumber, Peer.ClientPhase.UNSEEN);
        peers.add(p);
        return p;
    }

    @Test
    void keepsTheOrderTheyAppearedInAndFindsEachById() {
        Peer a = peer(1, 1);
        Peer b = peer(2, -1);
        Peer c = peer(3, 2);
        assertThat(peers.values()).containsExactly(a, b, c);
        assertThat(peers.size()).isEqualTo(3);
        assertThat(peers.at(1)).isSameAs(b);
        assertThat(peers.get(3)).isSameAs(c);
        assertThat(peers.get(4)).isNull();
    }

    @Test
    void removingKeepsTheOthersInOrderInBothLookups() {
        Peer a = peer(1, 1);
        Peer b = peer(2, -1);
        Peer c = peer(3, -1);
        Peer d = peer(4, 2);
        peers.remove(b);
        assertThat(peers.values()).containsExactly(a, c, d);
        assertThat(peers.get(2)).isNull();

        peers.removeIf(p -> !p.builtIn());
        assertThat(peers.values()).containsExactly(a, d);
        assertThat(peers.get(3)).isNull();
        assertThat(peers.at(1)).isSameAs(d);

        peers.clear();
        assertThat(peers.size()).isZero();
        assertThat(peers.get(1)).isNull();
    }

    @Test
    void anIdIsTakenOnlyOnce() {
        Peer a = peer(1, 1);
        assertThatThrownBy(() -> peers.add(new Peer(1, 2, Peer.ClientPhase.UNSEEN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id 1");
        assertThat(peers.values()).containsExactly(a);
        assertThat(peers.get(1)).isSameAs(a);
    }

    @Test
    void aStaleObjectWithAnIdInUseRemovesNothing() {
        Peer a = peer(1, 1);
        Peer replaced = new Peer(1, 5, Peer.ClientPhase.UNSEEN);
        peers.remove(replaced);
        assertThat(peers.values()).containsExactly(a);
        assertThat(peers.get(1)).isSameAs(a);
    }
}
