package org.puente.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Login throttling")
class LoginThrottleTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }
    }

    /** Fails {@code times} attempts of that pair; each must have been let through. */
    static void fail(LoginThrottle throttle, String email, String client, int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(throttle.reserve(email, client).isPresent(), "attempt " + (i + 1) + " is let through");
        }
    }

    @Test
    @DisplayName("five failures make that client wait, case-insensitively, while the owner from elsewhere signs in")
    void perPair() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        fail(throttle, "Ana@Example.org ", "10.0.0.1", LoginThrottle.FREE_ATTEMPTS);
        assertTrue(throttle.reserve("ana@example.org", "10.0.0.1").isEmpty(), "that client waits");
        assertTrue(throttle.reserve("ana@example.org", "10.9.9.9").isPresent(), "another client does not");
        assertTrue(throttle.reserve("luis@example.org", "10.0.0.1").isPresent(), "nor another account");
    }

    @Test
    @DisplayName("the wait doubles with every further failure, up to fifteen minutes")
    void growingDelay() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        fail(throttle, "ana@example.org", "10.0.0.1", LoginThrottle.FREE_ATTEMPTS);
        Duration expected = LoginThrottle.FIRST_DELAY;
        for (int round = 0; round < 8; round++) {
            clock.move(expected.minusSeconds(1));
            assertTrue(throttle.reserve("ana@example.org", "10.0.0.1").isEmpty(), "still waiting in round " + round);
            clock.move(Duration.ofSeconds(1));
            assertTrue(
                    throttle.reserve("ana@example.org", "10.0.0.1").isPresent(), "the wait is over in round " + round);
            expected = expected.multipliedBy(2).compareTo(LoginThrottle.MAX_DELAY) > 0
                    ? LoginThrottle.MAX_DELAY
                    : expected.multipliedBy(2);
        }
        assertEquals(LoginThrottle.MAX_DELAY, LoginThrottle.delayAfter(100));
    }

    @Test
    @DisplayName("IPv6 clients are one client per /64")
    void ipv6ByNetwork() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertTrue(throttle.reserve("ana@example.org", "2001:db8:1:2::" + Integer.toHexString(i + 1))
                    .isPresent());
        }
        assertTrue(throttle.reserve("ana@example.org", "2001:db8:1:2:ffff::9").isEmpty(), "same /64");
        assertTrue(throttle.reserve("ana@example.org", "2001:db8:1:3::1").isPresent(), "another /64");
    }

    @Test
    @DisplayName(
            "above the account's ceiling, failed clients wait, but a client with no failure still gets its attempt")
    void accountCeiling() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        int clients = LoginThrottle.ACCOUNT_CEILING / 2;
        for (int i = 0; i < clients; i++) {
            fail(throttle, "ana@example.org", "10.1.0." + i, 2);
        }
        assertTrue(throttle.reserve("ana@example.org", "10.1.0.0").isEmpty(), "a client that failed waits");
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.reserve("ana@example.org", "10.2.0." + i).isPresent(), "a fresh client is let through");
        }
        assertTrue(throttle.reserve("ana@example.org", "10.2.0.0").isEmpty(), "one attempt per fresh client");
        clock.move(LoginThrottle.WINDOW);
        assertTrue(throttle.reserve("ana@example.org", "10.1.0.0").isPresent(), "the window passed");
    }

    @Test
    @DisplayName("many failures from one client make it wait for every account")
    void perClient() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        for (int i = 0; i < LoginThrottle.PER_CLIENT; i++) {
            fail(throttle, "person" + i + "@example.org", "203.0.113.7", 1);
        }
        assertTrue(throttle.reserve("someone-new@example.org", "203.0.113.7").isEmpty());
        assertTrue(throttle.reserve("someone-new@example.org", "203.0.113.8").isPresent());
    }

    @Test
    @DisplayName("a success forgets that client's failures; a password reset forgets every client's")
    void successAndReset() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        fail(throttle, "ana@example.org", "10.0.0.1", LoginThrottle.FREE_ATTEMPTS - 1);
        throttle.reserve("ana@example.org", "10.0.0.1").orElseThrow().succeeded();
        fail(throttle, "ana@example.org", "10.0.0.1", LoginThrottle.FREE_ATTEMPTS);
        fail(throttle, "ana@example.org", "10.0.0.2", LoginThrottle.FREE_ATTEMPTS);
        assertTrue(throttle.reserve("ana@example.org", "10.0.0.2").isEmpty());
        throttle.forgetAccount("ANA@example.org");
        assertTrue(throttle.reserve("ana@example.org", "10.0.0.1").isPresent());
        assertTrue(throttle.reserve("ana@example.org", "10.0.0.2").isPresent());
    }

    @Test
    @DisplayName("simultaneous guesses cannot all pass: each attempt is reserved before the password is checked")
    void concurrentReservations() throws Exception {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return throttle.reserve("ana@example.org", "10.0.0.1").isPresent();
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<Boolean> attempt : attempts) {
                allowed += attempt.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(LoginThrottle.FREE_ATTEMPTS, allowed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("when memory is full the oldest counters go first; the ones in use stay")
    void evictsOldestFirst() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        fail(throttle, "ana@example.org", "10.0.0.1", LoginThrottle.FREE_ATTEMPTS);
        for (int i = 0; i < LoginThrottle.MAX_KEYS; i++) {
            if (i % 1000 == 0) {
                assertTrue(throttle.reserve("ana@example.org", "10.0.0.1").isEmpty(), "still counted after " + i);
            }
            throttle.reserve("flood" + i + "@example.org", "2001:db8:" + Integer.toHexString(i / 10) + "::1");
        }
        assertTrue(throttle.size() <= LoginThrottle.MAX_KEYS, "bounded: " + throttle.size());
        assertTrue(throttle.reserve("ana@example.org", "10.0.0.1").isEmpty(), "the counter in use was kept");
        assertFalse(throttle.size() < LoginThrottle.MAX_KEYS / 2, "not emptied all at once: " + throttle.size());
    }
}
