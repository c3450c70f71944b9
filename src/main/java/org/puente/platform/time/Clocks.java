package org.puente.platform.time;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces the portal's one {@link Clock}: the system clock in UTC. Only when the deployment runs with the
 * test setting {@code PUENTE_TEST_CLOCK=adjustable} (written by the integration tests, never set in
 * production) can it be moved, through {@link #advance(Duration)}.
 */
@ApplicationScoped
public class Clocks {

    private static final Logger LOG = Logger.getLogger(Clocks.class.getName());

    @Inject
    @ConfigProperty(name = "PUENTE_TEST_CLOCK", defaultValue = "system")
    String mode;

    private PuenteClock clock;

    @PostConstruct
    void start() {
        boolean adjustable = "adjustable".equals(mode);
        if (adjustable) {
            LOG.warning("PUENTE_TEST_CLOCK=adjustable: the clock can be moved; never use this in production");
        } else if (!"system".equals(mode)) {
            LOG.warning(() -> "PUENTE_TEST_CLOCK=" + mode + " is not a known setting; the clock is the system's");
        }
        clock = new PuenteClock(Clock.systemUTC(), adjustable);
    }

    /** The clock every bean injects; a client proxy, so view-scoped beans may hold it. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return clock;
    }

    /** Whether this deployment lets tests move the clock. */
    public boolean isAdjustable() {
        return clock.isAdjustable();
    }

    /** How far the clock has been moved from the system's time. */
    public Duration offset() {
        return clock.offset();
    }

    /**
     * Moves the clock; refused unless {@link #isAdjustable()}.
     *
     * @throws IllegalStateException in a deployment whose clock cannot be moved
     */
    public void advance(Duration by) {
        clock.advance(by);
        LOG.info(() -> "Test clock moved by " + by + ", now " + clock.offset() + " from the system's time");
    }

    /** Puts the clock back on the system's time (a no-op when it was never moved). */
    public void reset() {
        clock.reset();
    }
}
