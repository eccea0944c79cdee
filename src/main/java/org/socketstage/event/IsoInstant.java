package org.socketstage.event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes an instant exactly as {@link Instant#toString()} does (ISO-8601 in UTC, the fraction in groups of three
 * digits as needed), into a reused array. The date and time up to the second are made once per second: events
 * come thousands a second, and formatting each from scratch made several objects per event.
 */
final class IsoInstant {

    /** {@code 9999-12-31T23:59:59}: the last second written here; later (and earlier than 1970) go to Instant. */
    private static final long LAST_SECOND = 253_402_300_799L;
    private static final int PREFIX = "2026-01-01T00:00:00".length();

    private final char[] chars = new char[40];
    private long second = Long.MIN_VALUE;

    /** The array {@link #format} writes into. */
    char[] chars() {
        return chars;
    }

    /** Writes {@code t} into {@link #chars()}; returns how many characters. */
    int format(Instant t) {
        long s = t.getEpochSecond();
        if (s < 0 || s > LAST_SECOND) {
            String text = t.toString();
            text.getChars(0, text.length(), chars, 0);
            return text.length();
        }
        if (s != second) {
            String prefix = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC).toString();
            // LocalDateTime leaves out ":00" seconds (and minutes); Instant never does
            if (prefix.length() == PREFIX - 3) {
                prefix = prefix + ":00";
            }
            prefix.getChars(0, PREFIX, chars, 0);
            second = s;
        }
        int at = PREFIX;
        int nano = t.getNano();
        if (nano != 0) {
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
            chars[at++] = '.';
            for (int i = at + digits - 1; i >= at; i--) {
                chars[i] = (char) ('0' + value % 10);
                value /= 10;
            }
            at += digits;
        }
        chars[at++] = 'Z';
        return at;
    }
}
