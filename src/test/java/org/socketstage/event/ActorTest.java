package org.socketstage.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socketstage.socket.SockAddrIn;

class ActorTest {

    private static final SockAddrIn PEER = SockAddrIn.loopback(51234);

    @Test
    void theLabelsAreThoseOfTheTraceLines() {
        assertThat(Actor.SERVER.label()).isEqualTo("server");
        assertThat(Actor.KERNEL.label()).isEqualTo("kernel");
        assertThat(Actor.connection(4, PEER).label()).isEqualTo("conn 4 127.0.0.1:51234");
        assertThat(Actor.client(7, PEER).label()).isEqualTo("client 7 127.0.0.1:51234");
        assertThat(Actor.connection(4, null).label()).isEqualTo("conn 4");
        assertThat(Actor.connection(4, PEER).inTask(77).label()).isEqualTo("pid 77 conn 4 127.0.0.1:51234");
        assertThat(Actor.connection(4, PEER)).hasToString("conn 4 127.0.0.1:51234");
    }

    /** Asked for on every event by every view: made once per actor. */
    @Test
    void anActorKeepsItsLabel() {
        Actor a = Actor.connection(4, PEER);
        assertThat(a.label()).isSameAs(a.label());
    }

    @Test
    void actorsAreEqualWhenTheirPartsAre() {
        Actor a = new Actor(Actor.Kind.CONNECTION, 4, PEER, 0);
        Actor same = Actor.connection(4, SockAddrIn.loopback(51234));
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        a.label(); // a kept label changes nothing
        assertThat(a).isEqualTo(same);
        assertThat(a).isNotEqualTo(Actor.connection(5, PEER))
                .isNotEqualTo(Actor.connection(4, SockAddrIn.loopback(51235)))
                .isNotEqualTo(Actor.client(4, PEER))
                .isNotEqualTo(a.inTask(77))
                .isNotEqualTo(Actor.connection(4, null));
        assertThat(Actor.connection(4, null)).isEqualTo(Actor.connection(4, null));
    }
}
