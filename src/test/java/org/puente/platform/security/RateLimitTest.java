package org.puente.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rate limits")
class RateLimitTest {

    @Test
    @DisplayName("so many per key within the window, then again once it has passed")
    void limitAndWindow() {
        LoginThrottleTest.MovableClock clock = new LoginThrottleTest.MovableClock();
        RateLimit limit = new RateLimit(3, Duration.ofHours(1), 100, clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(limit.tryAcquire("ana@example.org"));
        }
        assertFalse(limit.tryAcquire("ana@example.org"));
        assertTrue(limit.tryAcquire("luis@example.org"), "other keys are counted apart");
        clock.move(Duration.ofHours(1));
        assertTrue(limit.tryAcquire("ana@example.org"));
    }

    @Test
    @DisplayName("full memory forgets the least recently used keys, not all of them")
    void bounded() {
        RateLimit limit = new RateLimit(1, Duration.ofHours(1), 10, new LoginThrottleTest.MovableClock());
        assertTrue(limit.tryAcquire("kept"));
        for (int i = 0; i < 20; i++) {
            assertFalse(limit.tryAcquire("kept"), "the busy key stays counted");
            limit.tryAcquire("other" + i);
        }
        assertEquals(10, limit.size());
    }
}
