package org.socketstage.ui;

import java.util.Locale;
import java.util.ResourceBundle;

/** All UI text, from the one bundle {@code i18n/messages.properties}. A missing key reads {@code !key!}. */
public final class Texts {

    public static final String BUNDLE = "i18n.messages";

    private final LenientBundle bundle;

    private Texts(LenientBundle bundle) {
        this.bundle = bundle;
    }

    public static Texts load() {
        return load(Locale.getDefault());
    }

    public static Texts load(Locale locale) {
        return new Texts(new LenientBundle(ResourceBundle.getBundle(BUNDLE, locale)));
    }

    /** The bundle to hand to FXMLLoader. */
    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    /**
     * The text with {@code {0}}, {@code {1}} … replaced by the arguments. Plain replacement rather than
     * MessageFormat, so an apostrophe in a sentence ("the kernel's count") needs no escaping.
     */
    public String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    public boolean has(String key) {
        return bundle.reallyContains(key);
    }
}
