package org.socketstage.ui.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * UI text from the one ResourceBundle, for ViewModels that build sentences. A missing key shows as
 * {@code !key!} on screen instead of throwing, so a translation gap is visible but never fatal.
 */
public final class UiText {

    public static final String BUNDLE = "i18n.messages";

    private final ResourceBundle bundle;

    public UiText(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The application bundle for the default locale; fails with the bundle name if it is missing. */
    public static UiText load() {
        return new UiText(ResourceBundle.getBundle(BUNDLE, Locale.getDefault()));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key) {
        if (bundle == null) {
            return "!" + key + "!";
        }
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /** The text for key with {0}, {1} ... filled in (MessageFormat rules: quote a ' as ''). */
    public String format(String key, Object... args) {
        String pattern = get(key);
        if (pattern.startsWith("!") && pattern.endsWith("!")) {
            return pattern;
        }
        return new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
