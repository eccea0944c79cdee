package org.socketstage.ui.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.socketstage.event.Actor;
import org.socketstage.event.ServerEvent;
import org.socketstage.event.ServerState;
import org.socketstage.event.Step;
import org.socketstage.event.StraceFormat;
import org.socketstage.session.ServerSource;
import org.socketstage.session.Session;
import org.socketstage.tracer.ProgramSource;
import org.socketstage.tracer.Tracing;
import org.socketstage.ui.BatchedSink;
import org.socketstage.ui.text.UiText;

/**
 * The Program tab's state: which program the session traces, its socket calls as strace lines, what it
 * printed, its source when one was given, and the robustness check's report. The program itself is the
 * session's server (Start, Stop, stepping and faults work on it as on SocketStage's own); this ViewModel only
 * tells the session which program to run and shows what the events say.
 */
public final class ProgramPaneViewModel implements BatchedSink {

    static final int MAX_LINES = 2000;
    /** A source file larger than this is not shown (a program's source is a few pages). */
    static final long MAX_SOURCE_BYTES = 512 * 1024;

    private final Session session;
    private final UiText text;
    private final RecentPrograms recent;
    private final ProgramCheckRunner checks;
    private final Optional<String> unsupported;

    private final StringProperty title = new SimpleStringProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty portWarning = new SimpleStringProperty("");
    private final StringProperty source = new SimpleStringProperty("");
    private final BooleanProperty hasSource = new SimpleBooleanProperty();
    private final BooleanProperty tracing = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObservableList<String> calls = FXCollections.observableArrayList();
    private final ObservableList<String> output = FXCollections.observableArrayList();

    // plain state between publish() calls
    private final Deque<String> pendingCalls = new ArrayDeque<>();
    private final Deque<String> pendingOutput = new ArrayDeque<>();
    private boolean clearLists;
    private String lastStatus = "";
    private String lastPortWarning = "";
    private boolean lastRunning;
    private final StringBuilder line = new StringBuilder(160);
    private ProgramLaunch launch;

    public ProgramPaneViewModel(Session session, UiText text, Executor background, RecentPrograms recent) {
        this(session, text, recent, new ProgramCheckRunner(background, text), Tracing.unsupportedReason());
    }

    ProgramPaneViewModel(Session session, UiText text, RecentPrograms recent, ProgramCheckRunner checks,
            Optional<String> unsupported) {
        this.session = session;
        this.text = text;
        this.recent = recent;
        this.checks = checks;
        this.unsupported = unsupported;
        title.set(text.get("program.none"));
    }

    /** Why this machine cannot trace a program, if it cannot (the menu item is disabled with this reason). */
    public Optional<String> unsupportedReason() {
        return unsupported;
    }

    public List<RecentPrograms.Entry> recentPrograms() {
        return recent.list();
    }

    /**
     * Makes the program the session's server and starts it (a server already running is stopped first). Start
     * and Stop on the toolbar then act on it; {@link #useOwnServer()} goes back to SocketStage's own.
     */
    public void trace(ProgramLaunch next) {
        if (unsupported.isPresent()) {
            status.set(unsupported.get());
            return;
        }
        recent.remember(next);
        show(next);
        session.stop();
        session.useServerSource(new ProgramSource(next.command()));
        session.start();
    }

    /** The pane's side of {@link #trace}: title, source, empty lists, ready for the program's events. */
    void show(ProgramLaunch next) {
        launch = next;
        title.set(next.commandLine() + (next.folder() == null ? "" : "   (" + text.get("program.in") + " "
                + next.folder() + ")"));
        showSource(next.source());
        clearLists = true;
        pendingCalls.clear();
        pendingOutput.clear();
        lastPortWarning = "";
        tracing.set(true);
        checks.clear();
        publish();
    }

    /** Stops the program (and every process it started) and runs SocketStage's own server on the next Start. */
    public void useOwnServer() {
        session.stop();
        session.useServerSource(ServerSource.OWN);
        tracing.set(false);
        title.set(text.get("program.none"));
    }

    public void stop() {
        session.stop();
    }

    /** Runs the robustness check on the program (not while it runs on the stage: it needs the port). */
    public void check() {
        if (launch != null && !lastRunning) {
            checks.run(launch);
        }
    }

    private void showSource(Optional<Path> file) {
        if (file.isEmpty()) {
            source.set("");
            hasSource.set(false);
            return;
        }
        Path p = file.get();
        try {
            long size = Files.size(p);
            if (size > MAX_SOURCE_BYTES) {
                source.set(text.format("program.source.tooBig", p.toString(), size, MAX_SOURCE_BYTES));
            } else {
                try (InputStream in = Files.newInputStream(p)) {
                    source.set(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)
                            .decode(java.nio.ByteBuffer.wrap(in.readNBytes((int) MAX_SOURCE_BYTES))).toString());
                }
            }
        } catch (IOException e) {
            source.set(text.format("program.source.unreadable", p.toString(), e.getMessage()));
        }
        hasSource.set(true);
    }

    @Override
    public void reset() {
        clearLists = true;
        pendingCalls.clear();
        pendingOutput.clear();
        lastStatus = "";
        lastPortWarning = "";
    }

    @Override
    public void apply(ServerEvent event) {
        if (!tracing.get() || event.actor().kind() == Actor.Kind.CLIENT) {
            return;
        }
        if (event instanceof ServerEvent.Notice n && isOutput(n.text())) {
            add(pendingOutput, "[" + event.actor().label() + "] " + n.text());
            return;
        }
        if (event instanceof ServerEvent.StateChanged s && s.actor().kind() == Actor.Kind.SERVER) {
            lastStatus = s.state() + (s.detail() == null || s.detail().isBlank() ? "" : ": " + s.detail());
            lastRunning = s.state() == ServerState.RUNNING || s.state() == ServerState.STOPPING;
        }
        if (event instanceof ServerEvent.CallReturned r && r.stage() == Step.BIND && !r.failed()
                && r.address() != null && launch != null && launch.port().isPresent()) {
            lastPortWarning = portWarning(launch.port().getAsInt(), r.address().port());
        }
        if (event instanceof ServerEvent.KernelChanged) {
            return; // the sockets pane shows the kernel's view; here only the program's own story
        }
        line.setLength(0);
        if (StraceFormat.appendLine(line, event, event.actor().label())) {
            add(pendingCalls, line.toString());
        }
    }

    static boolean isOutput(String notice) {
        return notice.startsWith("stdout: ") || notice.startsWith("stderr: ");
    }

    private String portWarning(int want, int got) {
        if (got == want || got == 0) {
            return "";
        }
        boolean swapped = (((want & 0xff) << 8) | (want >> 8)) == got;
        return text.format(swapped ? "program.port.swapped" : "program.port.other", got, want);
    }

    private static void add(Deque<String> lines, String s) {
        lines.addLast(s);
        if (lines.size() > MAX_LINES) {
            lines.removeFirst();
        }
    }

    @Override
    public void publish() {
        if (clearLists) {
            clearLists = false;
            calls.setAll(pendingCalls);
            output.setAll(pendingOutput);
        } else {
            append(calls, pendingCalls);
            append(output, pendingOutput);
        }
        pendingCalls.clear();
        pendingOutput.clear();
        status.set(lastStatus);
        portWarning.set(lastPortWarning);
        running.set(lastRunning);
    }

    private static void append(ObservableList<String> list, Deque<String> more) {
        if (more.isEmpty()) {
            return;
        }
        int excess = list.size() + more.size() - MAX_LINES;
        if (excess > 0) {
            list.remove(0, Math.min(excess, list.size()));
        }
        list.addAll(more.size() > MAX_LINES ? List.copyOf(more).subList(more.size() - MAX_LINES, more.size()) : more);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Non-empty when the program bound another port than the one it should use. */
    public ReadOnlyStringProperty portWarningProperty() {
        return portWarning;
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source;
    }

    public ReadOnlyBooleanProperty hasSourceProperty() {
        return hasSource;
    }

    /** True while the session's Start runs a traced program rather than SocketStage's own server. */
    public ReadOnlyBooleanProperty tracingProperty() {
        return tracing;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ObservableList<String> calls() {
        return calls;
    }

    public ObservableList<String> output() {
        return output;
    }

    public ProgramCheckRunner checks() {
        return checks;
    }

    public Optional<ProgramLaunch> launch() {
        return Optional.ofNullable(launch);
    }
}
