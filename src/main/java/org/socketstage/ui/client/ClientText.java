package org.socketstage.ui.client;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The client panel's words from the app's one ResourceBundle; a missing key shows as {@code !key!}. */
final class ClientText {

    static final String BUNDLE = "i18n.messages";

    private final ResourceBundle bundle;

    ClientText(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    static ClientText load() {
        try {
            return new ClientText(ResourceBundle.getBundle(BUNDLE));
        } catch (MissingResourceException e) {
            return new ClientText(null);
        }
    }

    String get(String key) {
        if (bundle == null) {
            return "!" + key + "!";
        }
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    String format(String key, Object... args) {
        String pattern = get(key);
        if (pattern.startsWith("!")) {
            return pattern;
        }
        // a bundle made in code (not loaded from a file) may have no locale
        Locale locale = bundle.getLocale() == null ? Locale.getDefault() : bundle.getLocale();
        return new MessageFormat(pattern, locale).format(args);
    }
}
