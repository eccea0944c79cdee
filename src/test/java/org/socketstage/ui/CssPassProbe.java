package org.socketstage.ui;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * For measurements: counts, per path of ids and style classes, the nodes whose styles JavaFX's next CSS pass works
 * out again (their CSS flag is UPDATE or REAPPLY; the pass then also restyles everything under them). Reads
 * JavaFX's private {@code Node.cssFlag} field, so it is for benchmarks only. Install on the FX thread.
 */
public final class CssPassProbe {

    private static final Field CSS_FLAG = cssFlagField();

    private final Map<String, Integer> restyled = new ConcurrentHashMap<>();
    private final Scene scene;
    private final Runnable listener = this::count;
    private long nodes;
    private long pulses;

    public CssPassProbe(Scene scene) {
        this.scene = scene;
    }

    private static Field cssFlagField() {
        try {
            Field f = Node.class.getDeclaredField("cssFlag");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the CSS probe needs JavaFX's Node.cssFlag (on the module path: --add-opens javafx.graphics/javafx.scene=ALL-UNNAMED): " + e, e);
        }
    }

    public CssPassProbe start() {
        scene.addPreLayoutPulseListener(listener);
        return this;
    }

    /** Stops counting; returns the paths restyled most often, one a line, and the nodes restyled per pulse. */
    public String stop(int lines) {
        scene.removePreLayoutPulseListener(listener);
        StringBuilder out = new StringBuilder();
        restyled.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(lines)
                .forEach(e -> out.append(String.format("restyled %7d× %s%n", e.getValue(), e.getKey())));
        out.append(String.format("nodes restyled: %d in %d pulses (%.1f a pulse)%n", nodes, pulses,
                pulses == 0 ? 0.0 : nodes / (double) pulses));
        return out.toString();
    }

    private void count() {
        pulses++;
        walk(scene.getRoot(), "", false);
    }

    /** @param under true below a node being restyled: everything there is restyled too */
    private void walk(Node node, String path, boolean under) {
        String flag = flag(node);
        if (!under && flag.equals("CLEAN")) {
            return;
        }
        String name = node.getId() != null ? "#" + node.getId()
                : node.getStyleClass().isEmpty() ? node.getClass().getSimpleName() : "." + node.getStyleClass().get(0);
        String here = path.isEmpty() ? name : path + " > " + name;
        boolean restyles = under || flag.equals("UPDATE") || flag.equals("REAPPLY");
        if (restyles) {
            nodes++;
            if (!under) {
                restyled.merge(here + " [" + flag + "]", 1, Integer::sum);
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, here, restyles);
            }
        }
    }

    private static String flag(Node node) {
        try {
            return String.valueOf(CSS_FLAG.get(node));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
