package org.socketstage.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/** What a student reads in a part of the window, and which of it the skins had to shorten. Call on the FX thread. */
public final class ShownText {

    private ShownText() {
    }

    /** Every Labeled under the node that is shown and has text. */
    public static List<Labeled> readable(Node root) {
        List<Labeled> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    /**
     * The labels whose text the skin shortened because the full text does not fit: "full → shown". The skin ends
     * a shortened text with the label's ellipsis string ("..." unless a style sets another).
     */
    public static List<String> cut(Node root) {
        List<String> out = new ArrayList<>();
        for (Labeled l : readable(root)) {
            String ellipsis = l.getEllipsisString();
            if (l.lookup(".text") instanceof Text t && !t.getText().equals(l.getText()) && !ellipsis.isEmpty()
                    && t.getText().endsWith(ellipsis) && !l.getText().endsWith(ellipsis)) {
                out.add(l.getText() + " → " + t.getText());
            }
        }
        return out;
    }

    private static void collect(Node n, List<Labeled> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            out.add(l);
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }
}
