package org.socketstage.ui;

import java.util.Enumeration;
import java.util.ResourceBundle;

/**
 * Wraps the message bundle so that a missing key shows up on screen as {@code !key!} instead of stopping
 * FXML loading with an exception: a forgotten translation is visible, never fatal.
 */
final class LenientBundle extends ResourceBundle {

    private final ResourceBundle delegate;

    LenientBundle(ResourceBundle delegate) {
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

    boolean reallyContains(String key) {
        return delegate.containsKey(key);
    }
}
