package org.socketstage.ui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.socketstage.LaunchOptions;

/**
 * The window's model (preferences, session, texts, lessons, ViewModels), built on a thread of its own while the
 * JavaFX toolkit starts: about a third of a second of work that otherwise came after the toolkit had started and
 * before the window could be built. The launcher starts it once the options are known to be good; the app takes
 * it when its start() runs, and builds the model itself when nothing was started for its arguments.
 *
 * <p>Whatever is built early and never taken (the toolkit could not start, so start() never ran) is closed by
 * {@link #discard()}: its session ends, its threads stop. The launcher calls it when the toolkit fails; a JVM that
 * ends before the window took its model calls it on the way out.
 */
public final class EarlyWindowModel {

    private static final System.Logger LOG = System.getLogger(EarlyWindowModel.class.getName());

    /** A model on its way, and the command line it was made for. */
    private record Building(List<String> args, CompletableFuture<WindowModel> model) {}

    private static Building building;
    private static boolean exitHookAdded;

    private EarlyWindowModel() {}

    /** Starts building the model for this launch; call just before the toolkit starts, with the checked options. */
    public static void startBuilding(String[] args, LaunchOptions options) {
        startBuilding(List.of(args), () -> WindowModel.build(options));
    }

    static synchronized void startBuilding(List<String> args, Supplier<WindowModel> build) {
        if (building != null) {
            return;
        }
        CompletableFuture<WindowModel> f = EarlyWork.start("socketstage-window-model", build);
        building = new Building(List.copyOf(args), f);
        if (!exitHookAdded) {
            // the JVM may end before start() runs (SIGTERM while the toolkit starts): the session still ends cleanly
            Runtime.getRuntime().addShutdownHook(new Thread(EarlyWindowModel::discard, "socketstage-window-model-exit"));
            exitHookAdded = true;
        }
    }

    /**
     * The model built early for these arguments, once it is ready; empty when none was started. One made for other
     * arguments is discarded (the window must show what its own command line asks for). If the early build
     * failed, its failure is thrown here, as if the window had built the model itself.
     */
    static Optional<WindowModel> take(List<String> args) {
        Building b = takeBuilding();
        if (b == null) {
            return Optional.empty();
        }
        if (!b.args().equals(args)) {
            close(b);
            return Optional.empty();
        }
        return Optional.of(EarlyWork.take(b.model()));
    }

    /**
     * The window will not open: waits for a model still being built and closes its session. Returns the model it
     * closed; empty when there was none (never started, already taken, or its build failed).
     */
    public static Optional<WindowModel> discard() {
        Building b = takeBuilding();
        return b == null ? Optional.empty() : close(b);
    }

    private static synchronized Building takeBuilding() {
        Building b = building;
        building = null;
        return b;
    }

    private static Optional<WindowModel> close(Building b) {
        WindowModel model;
        try {
            model = b.model().join();
        } catch (CompletionException e) {
            // nothing was left open: a build that fails closes what it had opened
            LOG.log(System.Logger.Level.DEBUG, "the window's model, built early and not used, had failed", e.getCause());
            return Optional.empty();
        }
        // as the window's close() would: the ViewModels let go of the session, then it ends
        model.viewModel().shutdown();
        model.session().close();
        return Optional.of(model);
    }
}
