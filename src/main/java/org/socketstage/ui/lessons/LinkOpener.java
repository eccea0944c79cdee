package org.socketstage.ui.lessons;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Opens a link from lesson text, but only a web address and only after the user said yes: lesson files may
 * come from anyone's folder, so a click alone must never start a browser. Without a browser (no
 * HostServices given) nothing opens and nobody is asked.
 */
public final class LinkOpener {

    private final Predicate<String> confirmation;
    private Consumer<String> browser;

    /** @param confirmation asks the user; true means "open it" */
    public LinkOpener(Predicate<String> confirmation) {
        this.confirmation = confirmation;
    }

    /** Where confirmed links go, e.g. {@code HostServices::showDocument}; null disables opening. */
    public void setBrowser(Consumer<String> browser) {
        this.browser = browser;
    }

    public boolean canOpen() {
        return browser != null;
    }

    /** Only http and https addresses with a host are opened; file:, javascript: and relative links never. */
    public static boolean isWebAddress(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Returns true when the link was handed to the browser. */
    public boolean open(String url) {
        if (browser == null || !isWebAddress(url)) {
            return false;
        }
        if (!confirmation.test(url.strip())) {
            return false;
        }
        browser.accept(url.strip());
        return true;
    }
}
