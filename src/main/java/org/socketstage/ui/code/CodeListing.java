package org.socketstage.ui.code;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socketstage.event.Step;

/** A program's source text with the lines of each stage's call and error check resolved. */
public final class CodeListing {

    private final String title;
    private final List<String> lines;
    private final Map<Step, CallSite> sites;

    CodeListing(String title, List<String> lines, Map<Step, CallSite> sites) {
        this.title = title;
        this.lines = List.copyOf(lines);
        this.sites = Collections.unmodifiableMap(new EnumMap<>(sites));
    }

    /** Loads a listing from the class path; fails naming the resource, or the anchor that did not match. */
    public static CodeListing load(String title, String resource, Map<Step, StageAnchor> anchors) {
        return parse(title, resource, readLines(resource), anchors);
    }

    static CodeListing parse(String title, String source, List<String> lines, Map<Step, StageAnchor> anchors) {
        Map<Step, CallSite> sites = new EnumMap<>(Step.class);
        anchors.forEach((stage, anchor) -> sites.put(stage, resolve(source, lines, stage, anchor)));
        return new CodeListing(title, lines, sites);
    }

    private static List<String> readLines(String resource) {
        InputStream in = CodeListing.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Code listing not found on the class path: " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(l -> l.replace("\t", "    ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read code listing " + resource, e);
        }
    }

    private static CallSite resolve(String source, List<String> lines, Step stage, StageAnchor anchor) {
        int start = uniqueLine(source, lines, stage, anchor.callStart());
        int end = anchor.callEnd() == null ? start : firstLineFrom(source, lines, stage, anchor.callEnd(), start);
        LineRange call = new LineRange(start, end);
        LineRange check = null;
        if (anchor.check() != null) {
            int first = firstLineFrom(source, lines, stage, anchor.check(), end + 1);
            check = new LineRange(first, blockEnd(lines, first));
        }
        return new CallSite(call, check);
    }

    private static int uniqueLine(String source, List<String> lines, Step stage, String text) {
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                if (found != -1) {
                    throw new IllegalStateException(source + ": anchor \"" + text + "\" of stage " + stage
                            + " matches lines " + found + " and " + (i + 1) + "; it must match one line");
                }
                found = i + 1;
            }
        }
        if (found == -1) {
            throw new IllegalStateException(source + ": anchor \"" + text + "\" of stage " + stage + " matches no line");
        }
        return found;
    }

    private static int firstLineFrom(String source, List<String> lines, Step stage, String text, int fromLine) {
        for (int i = fromLine - 1; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalStateException(source + ": anchor \"" + text + "\" of stage " + stage
                + " matches no line from line " + fromLine + " on");
    }

    /** A block opened on {@code first} ends at the next line that starts with '}' at the same indentation. */
    private static int blockEnd(List<String> lines, int first) {
        String opener = lines.get(first - 1);
        if (!opener.stripTrailing().endsWith("{")) {
            return first;
        }
        int indent = indentOf(opener);
        for (int i = first; i < lines.size(); i++) {
            String l = lines.get(i);
            if (indentOf(l) == indent && l.strip().startsWith("}")) {
                return i + 1;
            }
        }
        return first;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }

    public String title() {
        return title;
    }

    /** The source lines; line number n is element n - 1. */
    public List<String> lines() {
        return lines;
    }

    public String line(int number) {
        return lines.get(number - 1);
    }

    public Optional<CallSite> site(Step stage) {
        return Optional.ofNullable(siteOrNull(stage));
    }

    /** As {@link #site}, null where the program has no such call: for the views, which ask at every call. */
    public CallSite siteOrNull(Step stage) {
        return sites.get(stage);
    }

    /** The same program written for these settings (port, address, backlog); every line keeps its number. */
    public CodeListing withSettings(org.socketstage.settings.ServerConfig config) {
        return new CodeListing(title, lines.stream().map(l -> ListingSettings.apply(l, config)).toList(), sites);
    }

    /** The same program with the error checks of all these stages left out (see {@link #withoutCheck}). */
    public CodeListing withoutChecks(java.util.Collection<Step> stages) {
        CodeListing l = this;
        for (Step s : stages) {
            l = l.withoutCheck(s);
        }
        return l;
    }

    /**
     * The same program with the error check of {@code stage} left out, for faults like "forgot to check
     * socket()'s result": the check's lines disappear, later lines move up, and every stage that shared
     * that check has none.
     */
    public CodeListing withoutCheck(Step stage) {
        CallSite site = sites.get(stage);
        if (site == null || !site.hasCheck()) {
            return this;
        }
        LineRange removed = site.check();
        List<String> kept = new ArrayList<>(lines.subList(0, removed.first() - 1));
        kept.addAll(lines.subList(removed.last(), lines.size()));
        Map<Step, CallSite> moved = new EnumMap<>(Step.class);
        sites.forEach((s, cs) -> moved.put(s, new CallSite(cs.call().shiftedAfterRemoving(removed),
                removed.equals(cs.check()) || !cs.hasCheck() ? null : cs.check().shiftedAfterRemoving(removed))));
        return new CodeListing(title, kept, moved);
    }
}
