package org.socketstage.socket;

import java.util.Locale;

/** The operating system family, where socket constants and struct layouts differ. */
public enum Platform {
    LINUX,
    MACOS,
    OTHER;

    private static final Platform CURRENT = detect(System.getProperty("os.name", ""));

    public static Platform current() {
        return CURRENT;
    }

    static Platform detect(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return LINUX;
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return MACOS;
        }
        return OTHER;
    }
}
