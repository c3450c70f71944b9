package org.puente.testing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Moves the running portal's clock (its {@code /test/clock} hook, open because TestEnvironment sets
 * {@code PUENTE_TEST_CLOCK=adjustable}), so a test reaches a link's expiry or an alert's time without
 * sleeping. A test that moves the clock puts it back in a {@code finally}, or the next test runs in its future.
 */
public final class TestClock {

    private TestClock() {
    }

    /** Moves the portal's clock {@code by} further. */
    public static void advance(URI base, Duration by) {
        post(base, Map.of("advance", by.toString()));
    }

    /** Puts the portal's clock back on the system's time. */
    public static void reset(URI base) {
        post(base, Map.of("reset", "true"));
    }

    private static void post(URI base, Map<String, String> fields) {
        WebSession.Page answer = new WebSession(base).postForm("/test/clock", fields);
        if (answer.status() != 200) {
            throw new IllegalStateException("The portal's clock did not move (" + answer.status()
                    + "); does the deployment run with PUENTE_TEST_CLOCK=adjustable? " + answer.body());
        }
    }
}
