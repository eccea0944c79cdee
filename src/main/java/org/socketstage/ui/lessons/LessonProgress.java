package org.socketstage.ui.lessons;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * A student's progress, kept with java.util.prefs so it survives restarts: achieved tasks, the first answer
 * to each quiz question and the answer picked last, the lesson open last, and the seed that orders this
 * student's quiz choices. Stored under the node named by the system property
 * {@code socketstage.prefs.node} (default {@code socketstage}), child {@code lessons}. Items are keyed by
 * their ids, so editing a lesson keeps progress on everything whose heading did not change.
 */
public final class LessonProgress {

    private static final System.Logger LOG = System.getLogger(LessonProgress.class.getName());

    public static final String NODE_PROPERTY = "socketstage.prefs.node";
    public static final String DEFAULT_NODE = "socketstage";
    static final String LAST_LESSON = "last-lesson";
    static final String CHOICE_SEED = "choice-order-seed";

    private final Preferences root;

    public LessonProgress(Preferences root) {
        this.root = root;
    }

    /** The current user's progress store. */
    public static LessonProgress forUser() {
        String node = System.getProperty(NODE_PROPERTY, DEFAULT_NODE);
        return new LessonProgress(Preferences.userRoot().node(node).node("lessons"));
    }

    public Preferences node() {
        return root;
    }

    public Set<String> achievedTasks() {
        Set<String> ids = new HashSet<>();
        Preferences tasks = root.node("tasks");
        for (String key : keys(tasks)) {
            String id = tasks.get(key, null);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    public void taskAchieved(String taskId) {
        root.node("tasks").put(key(taskId), taskId);
        flush();
    }

    /** Question id → index of the choice the student picked first. */
    public Map<String, Integer> firstAnswers() {
        return answers(root.node("quiz"));
    }

    private static Map<String, Integer> answers(Preferences quiz) {
        Map<String, Integer> answers = new HashMap<>();
        for (String key : keys(quiz)) {
            String value = quiz.get(key, "");
            int space = value.indexOf(' ');
            if (space > 0) {
                try {
                    answers.put(value.substring(space + 1), Integer.parseInt(value.substring(0, space)));
                } catch (NumberFormatException ignored) {
                    // a hand-edited or older entry: the question simply counts as not answered yet
                }
            }
        }
        return answers;
    }

    public void answered(String questionId, int choice) {
        root.node("quiz").put(key(questionId), choice + " " + questionId);
        flush();
    }

    /** Question id → index of the choice the student picked most recently (what the card shows again). */
    public Map<String, Integer> lastPicks() {
        return answers(root.node("quiz-last"));
    }

    public void picked(String questionId, int choice) {
        root.node("quiz-last").put(key(questionId), choice + " " + questionId);
        flush();
    }

    /**
     * The number that shuffles this student's quiz choices: made once at random, then kept, so the same
     * student sees the same order every time (also after a progress reset) while the class sees many orders.
     */
    public long choiceSeed() {
        String saved = root.get(CHOICE_SEED, null);
        if (saved != null) {
            try {
                return Long.parseLong(saved);
            } catch (NumberFormatException ignored) {
                // a hand-edited entry: make a new one below
            }
        }
        long seed = new java.security.SecureRandom().nextLong();
        root.put(CHOICE_SEED, Long.toString(seed));
        flush();
        return seed;
    }

    public Optional<String> lastLesson() {
        return Optional.ofNullable(root.get(LAST_LESSON, null));
    }

    public void lastLesson(String lessonId) {
        root.put(LAST_LESSON, lessonId);
        flush();
    }

    /** Forgets every task, answer and the last lesson; the choice-order seed stays (it is who, not what). */
    public void reset() {
        try {
            root.node("tasks").removeNode();
            root.node("quiz").removeNode();
            root.node("quiz-last").removeNode();
            root.remove(LAST_LESSON);
            root.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("cannot reset the saved lesson progress: " + e.getMessage(), e);
        }
    }

    /** Preferences keys may be at most 80 characters; long ids keep a readable start plus a digest. */
    static String key(String id) {
        if (id.length() <= Preferences.MAX_KEY_LENGTH) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest, 0, 8);
            return id.substring(0, Preferences.MAX_KEY_LENGTH - hash.length() - 1) + "~" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String[] keys(Preferences node) {
        try {
            return node.keys();
        } catch (BackingStoreException e) {
            return new String[0];
        }
    }

    private void flush() {
        try {
            root.flush();
        } catch (BackingStoreException e) {
            // progress stays in memory for this session; the user's prefs store is unavailable
            LOG.log(System.Logger.Level.WARNING, "cannot save lesson progress: " + e.getMessage());
        }
    }
}
