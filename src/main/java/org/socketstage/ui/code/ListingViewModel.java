package org.socketstage.ui.code;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketstage.event.Step;

/**
 * The lines of one listing with the current call, the results beside the calls and the fired checks.
 * Touches only the lines an event changes, so a busy echo loop costs a few list updates per event.
 */
public final class ListingViewModel {

    private final ObservableList<CodeLine> lines = FXCollections.observableArrayList();
    private final IntegerProperty currentLine = new SimpleIntegerProperty(0);
    private CodeListing listing;
    private String[] annotations;
    private boolean[] failed;
    private boolean[] simulated;
    private final Map<Step, String> firedChecks = new EnumMap<>(Step.class);
    private LineRange current;
    /** Lines that say a call is under way ("calling", "held"); a stopped run must not leave them saying so. */
    private final java.util.Set<Integer> pending = new java.util.HashSet<>();

    ListingViewModel(CodeListing listing) {
        use(listing);
    }

    /** Shows another version of the program (e.g. one without a check); starts from a clean slate. */
    void use(CodeListing newListing) {
        this.listing = newListing;
        int n = newListing.lines().size();
        this.annotations = new String[n + 1];
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
        for (int line : pending) {
            annotations[line] = null;
            refresh(LineRange.of(line));
        }
        pending.clear();
    }

    void reset() {
        pending.clear();
        Arrays.fill(annotations, null);
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
        listing.site(stage).ifPresent(site -> {
            if (site.hasCheck() && firedChecks.remove(stage) != null) {
                refresh(site.check());
            }
            moveCurrent(site.call());
            annotate(site.resultLine(), annotation, false, false);
            pending.add(site.resultLine());
        });
    }

    /** A call returned; {@code checkText} is non-null when it failed and its error check ran. */
    void callReturned(Step stage, String annotation, String checkText, boolean simulatedResult) {
        listing.site(stage).ifPresent(site -> {
            moveCurrent(site.call());
            pending.remove(site.resultLine());
            annotate(site.resultLine(), annotation, checkText != null, simulatedResult);
            if (checkText != null && site.hasCheck()) {
                firedChecks.put(stage, checkText);
                refresh(site.check());
            }
        });
    }

    private void moveCurrent(LineRange call) {
        LineRange previous = current;
        current = call;
        currentLine.set(call.first());
        if (previous != null && !previous.equals(call)) {
            refresh(previous);
        }
        refresh(call);
    }

    private void annotate(int line, String text, boolean isFailure, boolean isSimulated) {
        annotations[line] = text;
        failed[line] = isFailure;
        simulated[line] = isSimulated;
        refresh(LineRange.of(line));
    }

    private void refresh(LineRange range) {
        for (int n = range.first(); n <= range.last(); n++) {
            CodeLine updated = build(n);
            if (!updated.equals(lines.get(n - 1))) {
                lines.set(n - 1, updated);
            }
        }
    }

    private CodeLine build(int n) {
        String annotation = annotations[n];
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
