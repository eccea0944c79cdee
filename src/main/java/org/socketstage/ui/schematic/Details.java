package org.socketstage.ui.schematic;

import java.util.List;

/** What the details card says about the clicked figure: a title and lines, the call that made it among them. */
public record Details(String title, List<String> lines) {

    public Details {
        lines = List.copyOf(lines);
    }
}
