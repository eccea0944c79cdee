package org.socketstage.ui.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * UI text from the one ResourceBundle, for the panes' ViewModels and views. A missing key (or a missing
 * bundle) shows as {@code !key!} on screen instead of throwing, so a translation gap is visible but never fatal.
 * {@link #format} follows MessageFormat's rules: write an apostrophe as {@code ''}, and pass numbers that must
 * not be grouped (ports, fds) as strings or with {@code {0,number,#}}.
 */
public final class UiText {

    public static final String BUNDLE = "i18n.messages";

    private final ResourceBundle bundle;

    public UiText(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The application bundle for the default locale; every key reads {@code !key!} if the bundle is missing. */
    public static UiText load() {
        try {
            return new UiText(ResourceBundle.getBundle(BUNDLE, Locale.getDefault()));
        } catch (MissingResourceException e) {
            return new UiText(null);
        }
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

    /** The text for key with {0}, {1} ... filled in. */
    public String format(String key, Object... args) {
        String pattern = get(key);
        if (bundle == null || !bundle.containsKey(key)) {
            return pattern;
        }
        // a bundle made in code (not loaded from a file) may have no locale
        Locale locale = bundle.getLocale() == null ? Locale.getDefault() : bundle.getLocale();
        return new MessageFormat(pattern, locale).format(args);
    }
}
