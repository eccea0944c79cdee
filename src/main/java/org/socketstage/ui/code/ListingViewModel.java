package org.socketstage.ui.code;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketstage.event.ServerEvent.CallReturned;
import org.socketstage.event.Step;

/**
 * The lines of one listing with the current call, the results beside the calls and the fired checks.
 * An event only notes what changed, in plain fields; {@link #publish()} (at the feed's refresh, ten times a second
 * under a class's load) builds the lines it changed, writes the results' text, and updates the list. A busy
 * echo loop then costs a few list updates per refresh, not per event, and no text for results nobody sees.
 */
public final class ListingViewModel {

    private final ObservableList<CodeLine> lines = FXCollections.observableArrayList();
    private final IntegerProperty currentLine = new SimpleIntegerProperty(0);
    private CodeListing listing;
    /** A line's words for a call under way ("… calling", "‖ waiting"), or null. */
    private String[] notes;
    /** A line's returned call, whose short text is written when the line is built, or null. */
    private CallReturned[] results;
    /** The lines that changed since the last publish. */
    private final BitSet changed = new BitSet();
    private final Function<CallReturned, String> resultText;
    private boolean[] failed;
    private boolean[] simulated;
    private final Map<Step, String> firedChecks = new EnumMap<>(Step.class);
    private LineRange current;
    /** Lines that say a call is under way ("calling", "held"); a stopped run must not leave them saying so. */
    private final BitSet pending = new BitSet();

    /** @param resultText the short text written beside a returned call ({@link CallResultText}) */
    ListingViewModel(CodeListing listing, Function<CallReturned, String> resultText) {
        this.resultText = resultText;
        use(listing);
    }

    /** Shows another version of the program (e.g. one without a check); starts from a clean slate. */
    void use(CodeListing newListing) {
        this.listing = newListing;
        int n = newListing.lines().size();
        this.notes = new String[n + 1];
        this.results = new CallReturned[n + 1];
        this.failed = new boolean[n + 1];
        this.simulated = new boolean[n + 1];
        reset();
    }

    /** The same program with other text on its lines (new settings): keeps what each line shows. */
    void retext(CodeListing sameShape) {
        if (sameShape.lines().size() != listing.lines().size()) {
            use(sameShape);
            return;
        }
        this.listing = sameShape;
        refresh(new LineRange(1, listing.lines().size()));
    }

    /** The run has ended: nothing is being called any more, so no line may still say so. */
    void endRun() {
        for (int line = pending.nextSetBit(0); line >= 0; line = pending.nextSetBit(line + 1)) {
            notes[line] = null;
            changed.set(line);
        }
        pending.clear();
    }

    void reset() {
        changed.clear();
        pending.clear();
        Arrays.fill(notes, null);
        Arrays.fill(results, null);
        Arrays.fill(failed, false);
        Arrays.fill(simulated, false);
        firedChecks.clear();
        current = null;
        currentLine.set(0);
        List<CodeLine> plain = new ArrayList<>(listing.lines().size());
        for (int i = 1; i <= listing.lines().size(); i++) {
            plain.add(CodeLine.plain(i, listing.line(i)));
        }
        lines.setAll(plain);
    }

    /** A call of this stage is about to run, or waits at the gate: its earlier check no longer applies. */
    void callPending(Step stage, String annotation) {
        CallSite site = listing.siteOrNull(stage);
        if (site == null) {
            return;
        }
        if (site.hasCheck() && firedChecks.remove(stage) != null) {
            refresh(site.check());
        }
        moveCurrent(site.call());
        annotate(site.resultLine(), annotation, null, false, false);
        pending.set(site.resultLine());
    }

    /**
     * A call returned; {@code checkText} is non-null when it failed and its error check ran. The call's short text
     * is written at the next publish, if the line is still showing it then.
     */
    void callReturned(CallReturned returned, String checkText) {
        Step stage = returned.stage();
        CallSite site = listing.siteOrNull(stage);
        if (site == null) {
            return;
        }
        moveCurrent(site.call());
        pending.clear(site.resultLine());
        annotate(site.resultLine(), null, returned, checkText != null, returned.simulated());
        if (checkText != null && site.hasCheck()) {
            firedChecks.put(stage, checkText);
            refresh(site.check());
        }
    }

    private void moveCurrent(LineRange call) {
        LineRange previous = current;
        current = call;
        if (previous != null && !previous.equals(call)) {
            refresh(previous);
        }
        refresh(call);
    }

    private void annotate(int line, String note, CallReturned result, boolean isFailure, boolean isSimulated) {
        notes[line] = note;
        results[line] = result;
        failed[line] = isFailure;
        simulated[line] = isSimulated;
        changed.set(line);
    }

    /** Notes that these lines changed; they are built at the next publish. */
    private void refresh(LineRange range) {
        changed.set(range.first(), range.last() + 1);
    }

    /** Builds the lines that changed since the last publish and puts those that differ into the list. */
    void publish() {
        for (int n = changed.nextSetBit(0); n >= 0; n = changed.nextSetBit(n + 1)) {
            CodeLine updated = build(n);
            if (!updated.equals(lines.get(n - 1))) {
                lines.set(n - 1, updated);
            }
        }
        changed.clear();
        currentLine.set(current == null ? 0 : current.first());
    }

    private CodeLine build(int n) {
        String annotation = results[n] != null ? resultText.apply(results[n]) : notes[n];
        boolean fired = false;
        for (Map.Entry<Step, String> e : firedChecks.entrySet()) {
            LineRange check = listing.site(e.getKey()).orElseThrow().check();
            if (check.contains(n)) {
                fired = true;
                if (n == check.first()) {
                    annotation = e.getValue();
                }
            }
        }
        boolean isCurrent = current != null && current.contains(n);
        return new CodeLine(n, listing.line(n), annotation, isCurrent, failed[n] || fired, fired, simulated[n]);
    }

    public CodeListing listing() {
        return listing;
    }

    public ObservableList<CodeLine> lines() {
        return lines;
    }

    /** The first line of the current call, 0 before any call. */
    public ReadOnlyIntegerProperty currentLineProperty() {
        return currentLine;
    }

    public int currentLine() {
        return currentLine.get();
    }

    public CodeLine line(int number) {
        return lines.get(number - 1);
    }
}
