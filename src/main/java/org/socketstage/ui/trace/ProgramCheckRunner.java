package org.socketstage.ui.trace;

import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.socketstage.tracer.check.CheckReport;
import org.socketstage.tracer.check.CheckResult;
import org.socketstage.tracer.check.CheckSettings;
import org.socketstage.tracer.check.Expect;
import org.socketstage.tracer.check.ProgramCheck;
import org.socketstage.ui.text.UiText;

/**
 * Runs the robustness check (the same battery as {@code --check-program}) on the session's background thread
 * and shows its report as it grows: each check's result appears as soon as it is known.
 */
public final class ProgramCheckRunner {

    private final Executor background;
    private final UiText text;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty report = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private Task<CheckReport> current;

    ProgramCheckRunner(Executor background, UiText text) {
        this.background = background;
        this.text = text;
    }

    void run(ProgramLaunch launch) {
        if (running.get()) {
            return;
        }
        CheckSettings settings = new CheckSettings(launch.command(), launch.port(), Expect.ECHO);
        Task<CheckReport> task = new Task<>() {
            private final StringBuilder sofar = new StringBuilder(CheckReport.heading(settings))
                    .append(System.lineSeparator()).append(System.lineSeparator());

            @Override
            protected CheckReport call() {
                return ProgramCheck.run(settings, this::progress);
            }

            private void progress(CheckResult r) {
                synchronized (sofar) {
                    sofar.append(CheckReport.text(r)).append(System.lineSeparator());
                    updateMessage(sofar.toString());
                }
            }
        };
        task.messageProperty().addListener((o, a, b) -> {
            if (task == current && b != null) {
                report.set(b);
            }
        });
        task.setOnSucceeded(e -> finished(task, task.getValue().text(),
                text.format("program.check.done", task.getValue().totals())));
        task.setOnFailed(e -> finished(task, report.get(), text.format("program.check.failed",
                task.getException() == null ? "?" : String.valueOf(task.getException().getMessage()))));
        task.setOnCancelled(e -> finished(task, report.get(), text.get("program.check.cancelled")));
        current = task;
        running.set(true);
        report.set("");
        status.set(text.get("program.check.running"));
        background.execute(task);
    }

    private void finished(Task<CheckReport> task, String finalReport, String finalStatus) {
        if (task != current) {
            return;
        }
        running.set(false);
        report.set(finalReport);
        status.set(finalStatus);
    }

    void clear() {
        if (!running.get()) {
            report.set("");
            status.set("");
        }
    }

    /** The window is closing: a check under way ends its program (each check stops what it started). */
    public void cancel() {
        if (current != null) {
            current.cancel(true);
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty reportProperty() {
        return report;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
