package org.socketstage.ui.lane;

import javafx.css.PseudoClass;

/** How one stage of the lifecycle lane looks. Each has an icon as well as a colour. */
public enum StageStatus {
    /** Not reached yet in this run (or this client's round). */
    WAITING("○", "waiting"),
    /** Announced and held at the step gate: the call about to run. */
    NEXT("▶", "next"),
    /** The call is running now (e.g. accept() blocked waiting for a client). */
    ACTIVE("⟳", "active"),
    OK("✔", "ok"),
    /** The server was stopped while this call was announced, held or running: it never returned. */
    ABANDONED("■", "abandoned"),
    FAILED("✖", "failed");

    private final String icon;
    private final PseudoClass pseudoClass;

    StageStatus(String icon, String pseudoClass) {
        this.icon = icon;
        this.pseudoClass = PseudoClass.getPseudoClass(pseudoClass);
    }

    public String icon() {
        return icon;
    }

    /** The card's pseudo-class for this status ({@code .stage-card:ok}; why not a style class: StateLook). */
    public PseudoClass pseudoClass() {
        return pseudoClass;
    }
}
