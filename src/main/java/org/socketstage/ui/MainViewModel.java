package org.socketstage.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.socketstage.lessons.LessonLibrary;
import org.socketstage.session.Session;
import org.socketstage.ui.client.ClientPanelViewModel;
import org.socketstage.ui.code.CodeViewModel;
import org.socketstage.ui.controls.ServerControlViewModel;
import org.socketstage.ui.controls.SettingsViewModel;
import org.socketstage.ui.instructor.InstructorPanelViewModel;
import org.socketstage.ui.lane.LaneViewModel;
import org.socketstage.ui.lessons.LessonPaneView;
import org.socketstage.ui.lessons.LessonPaneViewModel;
import org.socketstage.ui.lessons.LessonProgress;
import org.socketstage.ui.log.EventLogViewModel;
import org.socketstage.ui.schematic.SchematicViewModel;
import org.socketstage.ui.sockaddr.SockaddrViewModel;
import org.socketstage.ui.sockets.SocketsViewModel;
import org.socketstage.ui.text.UiText;
import org.socketstage.ui.trace.ProgramPaneViewModel;
import org.socketstage.ui.trace.RecentPrograms;

/**
 * Every ViewModel of the main window, made once from the session they show. The session owns the server, its
 * threads and sockets; these hold only view state, fed through the one event door ({@link #feed()}).
 */
public final class MainViewModel {

    private final Session session;
    private final UiText texts;
    private final ViewFeed feed;
    private final LaneViewModel lane;
    private final SocketsViewModel sockets;
    private final SettingsViewModel settings;
    private final ServerControlViewModel control;
    private final PresentationViewModel presentation = new PresentationViewModel();
    private final CodeViewModel code;
    private final SockaddrViewModel sockaddr;
    private final EventLogViewModel log;
    private final ClientPanelViewModel clients;
    private final LessonPaneViewModel lessons;
    private final InstructorPanelViewModel instructor;
    private final SchematicViewModel stage;
    private final ProgramPaneViewModel program;

    public MainViewModel(Session session, UiText texts) {
        this(session, texts, ViewFeed.DEFAULT_HISTORY, (Path) null);
    }

    /** @param extraLessons an instructor's own lessons folder ({@code --lessons DIR}), or null */
    public MainViewModel(Session session, UiText texts, int historyCapacity, Path extraLessons) {
        this(session, texts, historyCapacity, LessonPaneView.loadLibrary(extraLessons));
    }

    /** @param lessonLibrary the lessons to show (built-in, and an instructor's own folder if given) */
    public MainViewModel(Session session, UiText texts, int historyCapacity, LessonLibrary lessonLibrary) {
        this.session = session;
        this.texts = texts;
        this.feed = new ViewFeed(historyCapacity);
        this.lane = new LaneViewModel(texts);
        this.sockets = new SocketsViewModel(texts);
        this.settings = new SettingsViewModel(texts, session.config(), session::configureByUser);
        this.control = new ServerControlViewModel(session, settings);
        this.code = CodeViewModel.withBundledListings(texts);
        this.sockaddr = new SockaddrViewModel(texts);
        this.log = new EventLogViewModel(texts, session.background());
        this.clients = new ClientPanelViewModel(texts, session.fleet(), session.config());
        this.lessons = new LessonPaneViewModel(lessonLibrary, LessonProgress.forUser());
        this.instructor = new InstructorPanelViewModel(texts, session, session.background());
        this.stage = new SchematicViewModel(texts);
        // the stage knows the server's pacing, so each animation ends within its call's delay
        stage.pacingProperty().bind(control.modeProperty());
        stage.delayMillisProperty().bind(control.delayMillisProperty());
        stage.reduceMotionProperty().bindBidirectional(presentation.reduceMotionProperty());
        this.program = new ProgramPaneViewModel(session, texts, session.background(), RecentPrograms.open());
        for (EventSink sink : List.of(stage, lane, sockets, code, sockaddr, log, clients, lessons, instructor, program)) {
            feed.addSink(sink);
        }
        feed.addLiveSink(control);
        feed.addLiveSink(settings);
        // "forgot to check socket()" shows the program without that check, so the listing matches the lane
        instructor.missingCheckProperty().addListener((o, was, step) -> code.leaveOutCheck(step));
        try {
            log.useSpool(session.spool());
        } catch (IOException e) {
            log.spoolFailed(e.getMessage());
        }
    }

    public Session session() {
        return session;
    }

    public String socketApiName() {
        return session.socketApi().name();
    }

    public UiText texts() {
        return texts;
    }

    public ViewFeed feed() {
        return feed;
    }

    public LaneViewModel lane() {
        return lane;
    }

    public SocketsViewModel sockets() {
        return sockets;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public ServerControlViewModel control() {
        return control;
    }

    public PresentationViewModel presentation() {
        return presentation;
    }

    public CodeViewModel code() {
        return code;
    }

    public SockaddrViewModel sockaddr() {
        return sockaddr;
    }

    public EventLogViewModel log() {
        return log;
    }

    public ClientPanelViewModel clients() {
        return clients;
    }

    public LessonPaneViewModel lessons() {
        return lessons;
    }

    public InstructorPanelViewModel instructor() {
        return instructor;
    }

    /** The animated stage's state. */
    public SchematicViewModel stage() {
        return stage;
    }

    /** The Program tab: a student's own program traced as the session's server. */
    public ProgramPaneViewModel program() {
        return program;
    }

    /** The window is closing: stop what the ViewModels have asked for (a set-up, an export's hold on the spool). */
    public void shutdown() {
        instructor.shutdown();
        log.shutdown();
        program.checks().cancel();
    }
}
