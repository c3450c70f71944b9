package org.puente.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The portal's clock: the system's time, movable only in a test deployment")
class PuenteClockTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    @DisplayName("a production clock tells the system's time and refuses to be moved")
    void productionClockCannotMove() {
        PuenteClock clock = new PuenteClock(Clock.fixed(T0, ZoneOffset.UTC), false);
        assertEquals(T0, clock.instant());
        assertThrows(IllegalStateException.class, () -> clock.advance(Duration.ofHours(1)));
        assertEquals(T0, clock.instant());
        assertEquals(ZoneOffset.UTC, clock.getZone());
    }

    @Test
    @DisplayName("a test clock moves forward and back, in every zone, and resets to the system's time")
    void testClockMoves() {
        PuenteClock clock = new PuenteClock(Clock.fixed(T0, ZoneOffset.UTC), true);
        clock.advance(Duration.ofDays(2));
        clock.advance(Duration.ofHours(-1));
        Instant moved = T0.plus(Duration.ofDays(2)).minus(Duration.ofHours(1));
        assertEquals(moved, clock.instant());
        assertEquals(moved.toEpochMilli(), clock.millis());
        assertEquals(moved, clock.withZone(ZoneOffset.ofHours(-6)).instant());
        assertEquals(Duration.ofHours(47), clock.offset());
        clock.reset();
        assertEquals(T0, clock.instant());
    }
}
