package org.socketstage.instructor;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Every scenario by name, for the panel, the lessons' {@code scenario:} lines and {@code --scenario NAME}. */
public final class ScenarioCatalog {

    private static final List<Scenario> ALL = Arrays.stream(Fault.values())
            .map(f -> new Scenario(f.scenarioName(), f))
            .toList();

    private ScenarioCatalog() {}

    public static List<Scenario> all() {
        return ALL;
    }

    /** port-in-use, time-wait, backlog-demo, … in the panel's order. */
    public static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }

    /** Exact, case-sensitive match of the name. */
    public static Optional<Scenario> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** For an unknown name: {@code unknown scenario 'port-busy'; accepted: port-in-use, time-wait, …}. */
    public static String unknownNameMessage(String name) {
        return "unknown scenario '" + name + "'; accepted: " + String.join(", ", names());
    }
}
