package org.socketstage.session;

import java.util.Objects;
import java.util.function.Supplier;
import org.socketstage.event.EventBus;
import org.socketstage.server.KernelView;
import org.socketstage.server.LinuxKernelView;
import org.socketstage.settings.PacingMode;
import org.socketstage.settings.ServerConfig;
import org.socketstage.socket.SocketApi;
import org.socketstage.socket.SocketBackend;

/** What a session starts with: its bus, its socket layer, how it watches the kernel, settings and pacing. */
public record SessionSetup(EventBus bus, SocketApi api, Supplier<KernelView> kernelViews, ServerConfig config,
        PacingMode mode, long delayMillis) {

    public static final PacingMode DEFAULT_MODE = PacingMode.RUN;
    public static final long DEFAULT_DELAY_MILLIS = 600;

    public SessionSetup {
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(api, "socket layer");
        Objects.requireNonNull(kernelViews, "kernel views");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(mode, "mode");
    }

    /** A new bus, the best socket layer here, the kernel's own table (on Linux), the default settings. */
    public static SessionSetup defaults() {
        return new SessionSetup(new EventBus(), SocketBackend.auto(), LinuxKernelView::new, ServerConfig.defaults(),
                DEFAULT_MODE, DEFAULT_DELAY_MILLIS);
    }

    public SessionSetup withApi(SocketApi newApi) {
        return new SessionSetup(bus, newApi, kernelViews, config, mode, delayMillis);
    }

    public SessionSetup withConfig(ServerConfig newConfig) {
        return new SessionSetup(bus, api, kernelViews, newConfig, mode, delayMillis);
    }

    public SessionSetup withPacing(PacingMode newMode, long newDelayMillis) {
        return new SessionSetup(bus, api, kernelViews, config, newMode, newDelayMillis);
    }

    public SessionSetup withKernelViews(Supplier<KernelView> views) {
        return new SessionSetup(bus, api, views, config, mode, delayMillis);
    }

    public SessionSetup withBus(EventBus newBus) {
        return new SessionSetup(newBus, api, kernelViews, config, mode, delayMillis);
    }
}
