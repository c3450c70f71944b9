package org.puente.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
    }

    @Test
    @DisplayName("five failures block that address, case-insensitively, until the window passes")
    void perAccount() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
            assertFalse(throttle.isBlocked("ana@example.org", "10.0.0." + i));
            throttle.recordFailure("Ana@Example.org ", "10.0.0." + i);
        }
        assertTrue(throttle.isBlocked("ana@example.org", "10.9.9.9"), "blocked from any address");
        assertFalse(throttle.isBlocked("luis@example.org", "10.9.9.9"), "others are not");
        clock.now = clock.now.plus(LoginThrottle.WINDOW).plus(Duration.ofSeconds(1));
        assertFalse(throttle.isBlocked("ana@example.org", "10.9.9.9"), "the window passed");
    }

    @Test
    @DisplayName("many failures from one IP block that IP for every address")
    void perAddress() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            throttle.recordFailure("person" + i + "@example.org", "203.0.113.7");
        }
        assertTrue(throttle.isBlocked("someone-new@example.org", "203.0.113.7"));
        assertFalse(throttle.isBlocked("someone-new@example.org", "203.0.113.8"));
    }

    @Test
    @DisplayName("a successful sign-in clears that address's failures")
    void successClears() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT - 1; i++) {
            throttle.recordFailure("ana@example.org", "10.0.0.1");
        }
        throttle.recordSuccess("ana@example.org");
        throttle.recordFailure("ana@example.org", "10.0.0.1");
        assertFalse(throttle.isBlocked("ana@example.org", "10.0.0.2"));
    }
}
