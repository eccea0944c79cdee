package org.socketstage.ui.lessons;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketstage.lessons.GlossaryTerm;

/**
 * The glossary filtered as the student types: terms whose name contains the query come first, then terms
 * whose definition mentions it, then names and definitions that match but for a small typo (one wrong, missing,
 * extra or swapped letter; two in a long query), the closest first. Case does not matter, and neither do the
 * ways of joining words: "time wait", "time-wait", "timewait" and "TIME_WAIT" find the same term. An empty
 * query shows every term.
 */
final class GlossarySearch {

    private final List<GlossaryTerm> all;
    private final List<Entry> entries;
    private final java.util.Map<GlossaryTerm, Entry> entryOf = new java.util.IdentityHashMap<>();
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<GlossaryTerm> matches = FXCollections.observableArrayList();
    private final ObjectProperty<GlossaryTerm> selected = new SimpleObjectProperty<>();

    GlossarySearch(List<GlossaryTerm> terms) {
        this.all = List.copyOf(terms);
        this.entries = all.stream().map(Entry::new).toList();
        entries.forEach(e -> entryOf.put(e.term(), e));
        query.addListener((obs, old, q) -> refilter());
        refilter();
    }

    StringProperty queryProperty() {
        return query;
    }

    /**
     * Matching terms: name matches first, then definition matches, each in the library's (alphabetical) order,
     * then near matches, fewest typos first.
     */
    ObservableList<GlossaryTerm> matches() {
        return matches;
    }

    ObjectProperty<GlossaryTerm> selectedProperty() {
        return selected;
    }

    int total() {
        return all.size();
    }

    private void refilter() {
        String needle = words(query.get());
        String squeezed = needle.replace(" ", "");
        List<GlossaryTerm> byName = new ArrayList<>();
        List<GlossaryTerm> byText = new ArrayList<>();
        List<Near> near = new ArrayList<>();
        for (Entry e : entries) {
            GlossaryTerm t = e.term();
            String name = e.name();
            String text = e.text();
            if (name.contains(needle) || e.nameSqueezed().contains(squeezed)) {
                byName.add(t);
            } else if (text.contains(needle) || e.textSqueezed().contains(squeezed)) {
                byText.add(t);
            } else {
                int d = Typos.within(needle, name, typosAllowed(squeezed.length(), 4, 8));
                if (d < 0) {
                    // definitions are long: a short query finds something near in almost any of them
                    d = Typos.within(needle, text, typosAllowed(squeezed.length(), 6, 10));
                    d = d < 0 ? -1 : d + 1;
                }
                if (d >= 0) {
                    near.add(new Near(t, d));
                }
            }
        }
        // as in any search-as-you-type: the name that is the query, then names that begin with it ("time_w" is
        // TIME_WAIT being typed, not TCP_TIMEWAIT_LEN), then the rest in the glossary's order
        byName.sort(Comparator.comparingInt(t -> nameRank(t, needle, squeezed)));
        byName.addAll(byText);
        near.stream().sorted(Comparator.comparingInt(Near::typos)).forEach(n -> byName.add(n.term()));
        matches.setAll(byName);
        if (selected.get() == null || !matches.contains(selected.get())) {
            selected.set(matches.isEmpty() ? null : matches.get(0));
        }
    }

    private int nameRank(GlossaryTerm t, String needle, String squeezed) {
        Entry e = entryOf.get(t);
        if (e.name().equals(needle) || e.nameSqueezed().equals(squeezed)) {
            return 0;
        }
        return e.name().startsWith(needle) || e.nameSqueezed().startsWith(squeezed) ? 1 : 2;
    }

    private record Near(GlossaryTerm term, int typos) {}

    /** A term with its name and definition as {@link #words} reads them, and without the spaces, worked out once. */
    private record Entry(GlossaryTerm term, String name, String text, String nameSqueezed, String textSqueezed) {

        Entry(GlossaryTerm term) {
            this(term, words(term.term()), words(term.definition()));
        }

        private Entry(GlossaryTerm term, String name, String text) {
            this(term, name, text, name.replace(" ", ""), text.replace(" ", ""));
        }
    }

    /** No typo for a query shorter than {@code one} letters, one from there, two from {@code two}. */
    private static int typosAllowed(int letters, int one, int two) {
        return letters >= two ? 2 : letters >= one ? 1 : -1;
    }

    /** Lower case, with every run of spaces, '_' and '-' as one space: "TIME_WAIT" reads "time wait". */
    static String words(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '_' || c == '-') {
                gap = out.length() > 0;
            } else {
                if (gap) {
                    out.append(' ');
                    gap = false;
                }
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
