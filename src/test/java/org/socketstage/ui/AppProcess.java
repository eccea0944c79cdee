package org.socketstage.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs the app in a JVM of its own, headless as the tests run, with its own prefs node. */
final class AppProcess {

    private static final String[] HEADLESS = {"testfx.robot", "testfx.headless", "glass.platform", "monocle.platform",
        "prism.order", "prism.text", "java.awt.headless"};

    private AppProcess() {}

    /**
     * @param prefsSuffix keeps this test's remembered settings apart from the others'
     * @param properties  extra {@code -Dkey=value} settings
     */
    static List<String> command(String prefsSuffix, List<String> properties, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String p : HEADLESS) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.add("-Dsocketstage.prefs.node=" + System.getProperty("socketstage.prefs.node", "socketstage-test") + "-" + prefsSuffix);
        properties.forEach(p -> cmd.add("-D" + p));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return cmd;
    }
}
