package org.socketstage.ui.lessons;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The pane's words from the app's one ResourceBundle; a missing key shows as {@code !key!}, never a crash. */
final class LessonTexts {

    private final ResourceBundle bundle;

    LessonTexts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    String get(String key) {
        try {
            return bundle == null ? "!" + key + "!" : bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    String format(String key, Object... args) {
        return new MessageFormat(get(key)).format(args);
    }
}
