package org.socketstage.ui.text;

import java.util.Enumeration;
import java.util.ResourceBundle;

/**
 * Wraps the message bundle so that a missing key shows up on screen as {@code !key!} instead of stopping
 * FXML loading with an exception: a forgotten translation is visible, never fatal.
 */
public final class LenientBundle extends ResourceBundle {

    private final ResourceBundle delegate;

    public LenientBundle(ResourceBundle delegate) {
        this.delegate = delegate;
    }

    @Override
    protected Object handleGetObject(String key) {
        return delegate.containsKey(key) ? delegate.getObject(key) : "!" + key + "!";
    }

    @Override
    public Enumeration<String> getKeys() {
        return delegate.getKeys();
    }

    /** FXMLLoader asks this before reading a {@code %key}; every key "exists" so a missing one is shown. */
    @Override
    public boolean containsKey(String key) {
        return true;
    }

    public boolean reallyContains(String key) {
        return delegate.containsKey(key);
    }
}
