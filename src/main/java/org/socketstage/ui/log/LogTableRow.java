package org.socketstage.ui.log;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.TableRow;

/** A log row that marks failures, simulated results and the moment the scrubber shows, for the CSS. */
final class LogTableRow extends TableRow<LogRow> {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass SIMULATED = PseudoClass.getPseudoClass("simulated");
    private static final PseudoClass MOMENT = PseudoClass.getPseudoClass("moment");

    private final ReadOnlyLongProperty moment;

    LogTableRow(ReadOnlyLongProperty moment) {
        this.moment = moment;
    }

    @Override
    protected void updateItem(LogRow row, boolean empty) {
        super.updateItem(row, empty);
        boolean show = !empty && row != null;
        pseudoClassStateChanged(FAILED, show && row.failed());
        pseudoClassStateChanged(SIMULATED, show && row.simulated());
        pseudoClassStateChanged(MOMENT, show && row.seq() == moment.get());
    }
}
