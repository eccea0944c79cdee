package org.socketstage.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.stage.Stage;
import org.socketstage.session.Session;
import org.socketstage.ui.schematic.SchematicView;
import org.socketstage.ui.text.UiText;
import org.testfx.util.WaitForAsyncUtils;

/** The main window as tests in other packages need it: opened on a session, sized, presented, photographed. */
public final class MainWindowProbe {

    private final MainWindow window;

    private MainWindowProbe(MainWindow window) {
        this.window = window;
    }

    /** Opens the window with cleared preferences (as a first launch). Call on the FX thread. */
    public static MainWindowProbe open(Stage stage, Session session) {
        AppPrefs prefs = AppPrefs.open();
        prefs.clear();
        return new MainWindowProbe(MainWindow.open(stage, new MainViewModel(session, UiText.load()), prefs));
    }

    public MainViewModel viewModel() {
        return window.viewModel();
    }

    public SchematicView stageView() {
        return window.mainView().stage();
    }


    public void showStageTab() {
        fx(() -> {
            window.mainView().panes().getSelectionModel().select(0);
            return null;
        });
    }

    /** Resizes the window and switches the presentation layout, on the FX thread. */
    public void layout(double width, double height, boolean presenting) {
        fx(() -> {
            window.stage().setWidth(width);
            window.stage().setHeight(height);
            window.viewModel().presentation().presentingProperty().set(presenting);
            return null;
        });
    }

    /** Saves the whole window; call on the FX thread. */
    public Path snapshot(String name) {
        return PaneSnapshots.save(window.stage().getScene(), name);
    }

    public void close() {
        window.close();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
