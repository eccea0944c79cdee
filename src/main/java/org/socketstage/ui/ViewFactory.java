package org.socketstage.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import javafx.fxml.FXMLLoader;
import javafx.util.Callback;
import org.socketstage.ui.client.ClientPanelView;
import org.socketstage.ui.code.CodeView;
import org.socketstage.ui.controls.SettingsView;
import org.socketstage.ui.controls.ToolbarView;
import org.socketstage.ui.history.ScrubberView;
import org.socketstage.ui.instructor.InstructorPanelView;
import org.socketstage.ui.lane.LaneView;
import org.socketstage.ui.lessons.LessonPaneView;
import org.socketstage.ui.log.EventLogView;
import org.socketstage.ui.schematic.SchematicView;
import org.socketstage.ui.sockaddr.SockaddrView;
import org.socketstage.ui.sockets.SocketsView;
import org.socketstage.ui.trace.ProgramPaneView;

/**
 * The one way a pane is made: FXMLLoader asks this for every controller (fx:include too), and each view gets
 * its ViewModel in its constructor. Views never make engine objects; sub-views that take no ViewModel of
 * their own (the lesson pane's flashcards and glossary, which it binds itself) are made plainly.
 */
final class ViewFactory implements Callback<Class<?>, Object> {

    private final MainViewModel vm;
    private final WindowActions actions;

    ViewFactory(MainViewModel vm, WindowActions actions) {
        this.vm = vm;
        this.actions = actions;
    }

    @Override
    public Object call(Class<?> type) {
        if (type == MainView.class) {
            return new MainView(vm, actions, this::load);
        } else if (type == ToolbarView.class) {
            return new ToolbarView(vm.control(), vm.presentation(), vm.texts(), actions::showHelp);
        } else if (type == LaneView.class) {
            return new LaneView(vm.lane(), vm.control(), vm.texts());
        } else if (type == SettingsView.class) {
            return new SettingsView(vm.settings(), vm.control(), vm.texts());
        } else if (type == SocketsView.class) {
            return new SocketsView(vm.sockets(), vm.texts());
        } else if (type == ScrubberView.class) {
            return new ScrubberView(vm.feed(), vm.texts());
        } else if (type == CodeView.class) {
            return new CodeView(vm.code());
        } else if (type == SockaddrView.class) {
            return new SockaddrView(vm.sockaddr(), vm.texts());
        } else if (type == EventLogView.class) {
            return new EventLogView(vm.log(), vm.texts());
        } else if (type == ClientPanelView.class) {
            return new ClientPanelView(vm.clients(), vm.texts());
        } else if (type == LessonPaneView.class) {
            return new LessonPaneView(vm.lessons(), vm.texts());
        } else if (type == ProgramPaneView.class) {
            return new ProgramPaneView(vm.program(), vm.texts(), actions::traceProgram);
        } else if (type == InstructorPanelView.class) {
            return new InstructorPanelView(vm.instructor());
        } else if (type == SchematicView.class) {
            return new SchematicView(vm.stage());
        }
        return plain(type);
    }

    /** Loads an FXML file (a path under fxml/) with the window's texts, making its controllers here. */
    FXMLLoader load(String fxml) {
        FXMLLoader loader = new FXMLLoader(Resources.url(fxml), vm.texts().bundle());
        loader.setControllerFactory(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + fxml + ": " + e.getMessage(), e);
        }
        return loader;
    }

    private static Object plain(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("No way to make the view " + type.getName()
                    + ": give it a no-argument constructor or add it to " + ViewFactory.class.getSimpleName(), e);
        }
    }
}
