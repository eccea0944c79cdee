package org.socketstage.ui.schematic;

/** Names a clickable figure: the listener, a queue slot (by index), a row's two sides, an envelope, the group. */
public record FigureRef(Kind kind, long id) {

    public enum Kind { LISTENER, SLOT, CONNECTION, CLIENT, ENVELOPE, GROUP }

    public static final FigureRef LISTENER = new FigureRef(Kind.LISTENER, 0);
    public static final FigureRef GROUP = new FigureRef(Kind.GROUP, 0);
}
