package org.socketstage.ui;

import java.util.function.Function;
import org.socketstage.LaunchOptions;
import org.socketstage.session.Session;
import org.socketstage.ui.text.UiText;

/**
 * What the main window is made from: this launch's options, the remembered preferences and every ViewModel over
 * the session. Nothing in it needs the JavaFX toolkit (properties and bindings, no nodes, no animations, no
 * Platform calls), so it can be built on any thread, also before the toolkit has started.
 */
public record WindowModel(LaunchOptions options, AppPrefs prefs, MainViewModel viewModel) {

    /** The session the window shows; it is closed by the window, or by whoever drops this model unused. */
    public Session session() {
        return viewModel.session();
    }

    /** Opens the preferences and the session and builds the ViewModels over it. */
    static WindowModel build(LaunchOptions options) {
        return build(options, session -> new MainViewModel(session, UiText.load(), ViewFeed.DEFAULT_HISTORY,
                EarlyLessons.take(options.lessonsDir().orElse(null))));
    }

    /**
     * The same with the ViewModels made by {@code viewModels}. If they cannot be made, the session just opened is
     * closed before the failure goes on: nothing else would own it.
     */
    static WindowModel build(LaunchOptions options, Function<Session, MainViewModel> viewModels) {
        AppPrefs prefs = AppPrefs.open();
        Session session = SocketStageApp.openSession(options, prefs);
        try {
            return new WindowModel(options, prefs, viewModels.apply(session));
        } catch (RuntimeException | Error e) {
            session.close();
            throw e;
        }
    }
}
