package org.socketstage.ui.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.socketstage.ui.AppPrefs;

/**
 * The programs traced last, newest first, remembered between runs under the app's preferences node. At most
 * {@link #MAX} are kept; an entry that no longer reads as a launch (a folder since deleted) is still offered,
 * and the dialog says what is wrong with it when it is chosen.
 */
public final class RecentPrograms {

    public static final int MAX = 8;
    private static final System.Logger LOG = System.getLogger(RecentPrograms.class.getName());
    /** Preferences refuses longer values; a command line is limited well below this anyway. */
    private static final int MAX_VALUE = Preferences.MAX_VALUE_LENGTH;

    /** One remembered launch as typed (the dialog's four fields). */
    public record Entry(String command, String folder, String port, String source) {

        static Entry of(ProgramLaunch launch) {
            return new Entry(launch.commandLine(), launch.folder() == null ? "" : launch.folder().toString(),
                    launch.port().isPresent() ? Integer.toString(launch.port().getAsInt()) : "",
                    launch.source().map(Path::toString).orElse(""));
        }

        public ProgramLaunch.Checked check() {
            return ProgramLaunch.check(command, folder, port, source);
        }
    }

    private final Preferences node;

    RecentPrograms(Preferences node) {
        this.node = node;
    }

    /** Under the app's own node ({@code -Dsocketstage.prefs.node} for tests). */
    public static RecentPrograms open() {
        return new RecentPrograms(Preferences.userRoot()
                .node(System.getProperty(AppPrefs.NODE_PROPERTY, "socketstage")).node("recentPrograms"));
    }

    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String command = node.get(i + ".command", null);
            if (command == null || command.isBlank()) {
                break;
            }
            entries.add(new Entry(command, node.get(i + ".folder", ""), node.get(i + ".port", ""),
                    node.get(i + ".source", "")));
        }
        return entries;
    }

    /** Puts the launch first (once: an earlier identical entry moves up) and forgets the oldest beyond MAX. */
    public void remember(ProgramLaunch launch) {
        Entry entry = Entry.of(launch);
        if (entry.command().length() > MAX_VALUE || entry.folder().length() > MAX_VALUE
                || entry.source().length() > MAX_VALUE) {
            return;
        }
        List<Entry> entries = new ArrayList<>(list());
        entries.remove(entry);
        entries.add(0, entry);
        write(entries.subList(0, Math.min(MAX, entries.size())));
    }

    private void write(List<Entry> entries) {
        try {
            node.clear();
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                node.put(i + ".command", e.command());
                node.put(i + ".folder", e.folder());
                node.put(i + ".port", e.port());
                node.put(i + ".source", e.source());
            }
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            // a read-only home folder: the list is only lost for the next run
            LOG.log(System.Logger.Level.WARNING, "could not remember the recent programs", e);
        }
    }

    /** Empties the list (tests, and a user who wants it gone). */
    public void clear() {
        write(List.of());
    }

}
