package org.puente.testing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves the running portal's clock (its {@code /test/clock} hook, open because TestEnvironment sets
 * {@code PUENTE_TEST_CLOCK=adjustable}), so a test reaches a link's expiry or an alert's time without
 * sleeping. A test that moves the clock puts it back in a {@code finally}, or the next test runs in its future.
 */
public final class TestClock {

    private TestClock() {}

    /** Moves the portal's clock {@code by} further. */
    public static void advance(URI base, Duration by) {
        post(base, Map.of("advance", by.toString()));
    }

    /**
     * Moves the portal's clock past the least time a person takes to fill in the signing form, instead of
     * waiting it out: a form fetched before this call may be sent at once after it. Forward only, as time
     * itself goes, so there is nothing to put back.
     */
    public static void fillingInTheForm(URI base) {
        advance(base, Duration.ofSeconds(TestEnvironment.SIGNING_MIN_SECONDS));
    }

    /** The portal's "now", which runs ahead of this machine's by as much as the tests have moved it. */
    public static Instant now(URI base) {
        WebSession.Page answer = new WebSession(base).get("/test/clock");
        Matcher now = Pattern.compile("\"now\":\"([^\"]+)\"").matcher(answer.body());
        if (answer.status() != 200 || !now.find()) {
            throw new IllegalStateException(
                    "The portal did not tell its time (" + answer.status() + "): " + answer.body());
        }
        return Instant.parse(now.group(1));
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
