package org.socketstage.kernel;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Objects;

/** The /proc trees under src/test/resources/kernel, copied from a little-endian (x86-64) Linux machine. */
final class Fixtures {

    private Fixtures() {
    }

    static Path root(String name) {
        URL url = Objects.requireNonNull(Fixtures.class.getResource("/kernel/" + name),
                "fixture not found: /kernel/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static KernelTcpTable table(String name) {
        return new KernelTcpTable(root(name), ByteOrder.LITTLE_ENDIAN);
    }
}
