package org.socketstage.ui.instructor;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The panel's text from the app's one bundle; a missing key shows as {@code !key!} instead of failing. */
final class PanelText {

    private final ResourceBundle bundle;

    PanelText(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    ResourceBundle bundle() {
        return bundle;
    }

    String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException | NullPointerException e) {
            return "!" + key + "!";
        }
    }

    String format(String key, Object... args) {
        return new MessageFormat(get(key)).format(args);
    }
}
