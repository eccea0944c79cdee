package org.socketstage.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    private static String written(IsoInstant f, Instant t) {
        return new String(f.chars(), 0, f.format(t));
    }

    @Test
    void writesWhatInstantToStringWrites() {
        IsoInstant f = new IsoInstant();
        for (String s : new String[] {"1970-01-01T00:00:00Z", "2026-12-02T14:25:13Z", "2026-12-02T14:25:00Z",
                "2026-12-02T14:00:00Z", "2026-12-02T00:00:00.100Z", "2026-12-02T14:25:13.120Z",
                "2026-12-02T14:25:13.000001Z", "2026-12-02T14:25:13.123456Z", "2026-12-02T14:25:13.000000001Z",
                "2026-12-02T14:25:13.999999999Z", "9999-12-31T23:59:59.5Z"}) {
            Instant t = Instant.parse(s);
            assertThat(written(f, t)).as(s).isEqualTo(t.toString());
        }
    }

    @Test
    void manyInstantsInAndAcrossSecondsAsInstantDoes() {
        IsoInstant f = new IsoInstant();
        SplittableRandom random = new SplittableRandom(15);
        long second = Instant.parse("2026-12-02T14:25:13Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            second += random.nextInt(3); // the same second again, or the next ones
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(second, nano);
            assertThat(written(f, t)).isEqualTo(t.toString());
        }
        for (int i = 0; i < 5_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_800L), random.nextInt(1_000_000_000));
            assertThat(written(f, t)).isEqualTo(t.toString());
        }
    }

    @Test
    void instantsOutsideFourDigitYearsGoThroughInstant() {
        IsoInstant f = new IsoInstant();
        for (Instant t : new Instant[] {Instant.ofEpochSecond(-1, 5), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.MIN, Instant.MAX, Instant.EPOCH}) {
            assertThat(written(f, t)).isEqualTo(t.toString());
        }
    }
}
