package org.socketstage.ui.lane;

/** How one stage of the lifecycle lane looks. Each has an icon as well as a colour. */
public enum StageStatus {
    /** Not reached yet in this run (or this client's round). */
    WAITING("○", "stage-waiting"),
    /** Announced and held at the step gate: the call about to run. */
    NEXT("▶", "stage-next"),
    /** The call is running now (e.g. accept() blocked waiting for a client). */
    ACTIVE("⟳", "stage-active"),
    OK("✔", "stage-ok"),
    /** The server was stopped while this call was announced, held or running: it never returned. */
    ABANDONED("■", "stage-abandoned"),
    FAILED("✖", "stage-failed");

    private final String icon;
    private final String styleClass;

    StageStatus(String icon, String styleClass) {
        this.icon = icon;
        this.styleClass = styleClass;
    }

    public String icon() {
        return icon;
    }

    public String styleClass() {
        return styleClass;
    }
}
