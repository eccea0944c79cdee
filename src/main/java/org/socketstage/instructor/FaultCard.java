package org.socketstage.instructor;

import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What the panel shows for one fault. The text lives in the app's one bundle under
 * {@code instructor.fault.<scenario>.*}; a missing key shows as {@code !key!} rather than failing.
 *
 * @param watchFor what the class should watch for
 * @param errno    the errno (or return value) and what it means
 * @param check    the line of the classic C server that catches it
 * @param recovery how a real server recovers
 */
public record FaultCard(Fault fault, String title, String watchFor, String errno, String check, String recovery) {

    public static final String PREFIX = "instructor.fault.";

    public static FaultCard of(Fault fault, ResourceBundle bundle) {
        String base = PREFIX + fault.scenarioName() + ".";
        return new FaultCard(fault, text(bundle, base + "title"), text(bundle, base + "watch"),
                text(bundle, base + "errno"), text(bundle, base + "check"), text(bundle, base + "recover"));
    }

    static String text(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public boolean simulated() {
        return fault.origin() != Origin.REAL;
    }
}
