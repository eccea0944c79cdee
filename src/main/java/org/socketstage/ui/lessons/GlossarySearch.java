package org.socketstage.ui.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketstage.lessons.GlossaryTerm;

/**
 * The glossary filtered as the student types: terms whose name contains the query come first, then terms
 * whose definition mentions it. Case does not matter; an empty query shows every term.
 */
final class GlossarySearch {

    private final List<GlossaryTerm> all;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<GlossaryTerm> matches = FXCollections.observableArrayList();
    private final ObjectProperty<GlossaryTerm> selected = new SimpleObjectProperty<>();

    GlossarySearch(List<GlossaryTerm> terms) {
        this.all = List.copyOf(terms);
        query.addListener((obs, old, q) -> refilter());
        refilter();
    }

    StringProperty queryProperty() {
        return query;
    }

    /** Matching terms: name matches first, then definition matches, each in the library's (alphabetical) order. */
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
        String needle = lower(query.get()).strip();
        List<GlossaryTerm> byName = new ArrayList<>();
        List<GlossaryTerm> byText = new ArrayList<>();
        for (GlossaryTerm t : all) {
            if (lower(t.term()).contains(needle)) {
                byName.add(t);
            } else if (lower(t.definition()).contains(needle)) {
                byText.add(t);
            }
        }
        byName.addAll(byText);
        matches.setAll(byName);
        if (selected.get() == null || !matches.contains(selected.get())) {
            selected.set(matches.isEmpty() ? null : matches.get(0));
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
