package org.socketstage.ui.log;

import org.socketstage.event.Actor;

/**
 * Which rows the log shows by who made them: everyone, every actor of a kind (e.g. all connections), or one
 * actor (e.g. {@code conn 5 127.0.0.1:51234}).
 */
public record ActorFilter(Actor.Kind kind, String actorLabel, String display) {

    public static ActorFilter all(String display) {
        return new ActorFilter(null, null, display);
    }

    public static ActorFilter kind(Actor.Kind kind, String display) {
        return new ActorFilter(kind, null, display);
    }

    public static ActorFilter one(Actor actor) {
        return new ActorFilter(actor.kind(), actor.label(), actor.label());
    }

    public boolean matches(Actor actor) {
        if (kind != null && actor.kind() != kind) {
            return false;
        }
        return actorLabel == null || actorLabel.equals(actor.label());
    }

    @Override
    public String toString() {
        return display;
    }
}
