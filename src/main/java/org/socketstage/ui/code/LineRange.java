package org.socketstage.ui.code;

/** Lines {@code first} to {@code last} of a listing, 1-based and inclusive. */
public record LineRange(int first, int last) {

    public LineRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("not a line range: " + first + ".." + last);
        }
    }

    public static LineRange of(int line) {
        return new LineRange(line, line);
    }

    public boolean contains(int line) {
        return line >= first && line <= last;
    }

    public int size() {
        return last - first + 1;
    }

    /** This range moved up by {@code count} lines if it lies after {@code removed}. */
    LineRange shiftedAfterRemoving(LineRange removed) {
        return first > removed.last ? new LineRange(first - removed.size(), last - removed.size()) : this;
    }
}
