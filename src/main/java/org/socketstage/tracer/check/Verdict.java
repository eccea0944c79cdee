package org.socketstage.tracer.check;

/** How one check came out. */
public enum Verdict {
    PASSED("PASS", "passed"),
    FAILED("FAIL", "failed"),
    /** The check could not be made (e.g. the program never served the first client). */
    NOT_APPLICABLE("N/A", "not applicable");

    private final String tag;
    private final String word;

    Verdict(String tag, String word) {
        this.tag = tag;
        this.word = word;
    }

    public String tag() {
        return tag;
    }

    public String word() {
        return word;
    }
}
