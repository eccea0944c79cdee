package org.socketstage.ui.text;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every UI text, from the one bundle {@code i18n/messages.properties}. A missing key (or a missing bundle)
 * shows as {@code !key!} on screen instead of throwing, so a translation gap is visible but never fatal.
 * {@link #format} fills {@code {0}}, {@code {1}} … by plain replacement: an apostrophe needs no escaping and a
 * number is written as it is (port 9090, never "9,090").
 */
public final class UiText {

    public static final String BUNDLE = "i18n.messages";

    private final ResourceBundle bundle;

    public UiText(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The application bundle for the default locale, lenient: FXML shows a missing {@code %key} as !key!. */
    public static UiText load() {
        return load(Locale.getDefault());
    }

    public static UiText load(Locale locale) {
        try {
            return new UiText(new LenientBundle(ResourceBundle.getBundle(BUNDLE, locale)));
        } catch (MissingResourceException e) {
            return new UiText(null);
        }
    }

    /** The bundle to hand to FXMLLoader. */
    public ResourceBundle bundle() {
        return bundle;
    }

    /** True when the bundle really holds the key (a lenient bundle answers every key). */
    public boolean has(String key) {
        if (bundle == null) {
            return false;
        }
        return bundle instanceof LenientBundle lenient ? lenient.reallyContains(key) : bundle.containsKey(key);
    }

    public String get(String key) {
        if (!has(key)) {
            return "!" + key + "!";
        }
        return bundle.getString(key);
    }

    /** The text for key with {0}, {1} … replaced by the arguments as written by String.valueOf. */
    public String format(String key, Object... args) {
        String text = get(key);
        if (args.length == 0 || text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i) : -1;
            if (close > i + 1 && close - i <= 3 && allDigits(text, i + 1, close)) {
                int n = Integer.parseInt(text, i + 1, close, 10);
                out.append(n < args.length ? String.valueOf(args[n]) : text.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
