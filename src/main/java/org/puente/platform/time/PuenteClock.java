package org.puente.platform.time;

import jakarta.enterprise.inject.Vetoed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The system clock plus an offset that only a test deployment may change; the offset stays zero unless the
 * portal runs with {@code PUENTE_TEST_CLOCK=adjustable}.
 */
@Vetoed
final class PuenteClock extends Clock {

    private final Clock system;
    private final boolean adjustable;
    private volatile Duration offset = Duration.ZERO;

    PuenteClock(Clock system, boolean adjustable) {
        this.system = Objects.requireNonNull(system);
        this.adjustable = adjustable;
    }

    boolean isAdjustable() {
        return adjustable;
    }

    Duration offset() {
        return offset;
    }

    /** Moves this clock {@code by} further (or back, if negative); refused unless the clock is adjustable. */
    synchronized void advance(Duration by) {
        if (!adjustable) {
            throw new IllegalStateException("The clock can only be moved with PUENTE_TEST_CLOCK=adjustable");
        }
        offset = offset.plus(by);
    }

    /** Puts this clock back on the system's time. */
    synchronized void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(system.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        Duration shift = offset;
        return shift.isZero() ? system.instant() : system.instant().plus(shift);
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }
}
