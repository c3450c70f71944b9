package org.puente.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #PER_ACCOUNT} failures for one e-mail address, or
 * {@value #PER_ADDRESS} from one IP address, within {@link #WINDOW}, further attempts are refused
 * until the window has passed. Unknown addresses are counted exactly like real ones, so the answer
 * reveals nothing about who has an account. Kept in memory: one instance's view, reset on restart.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean isBlocked(String email, String ipAddress) {
        Instant now = clock.instant();
        return count(accountKey(email), now) >= PER_ACCOUNT || count(addressKey(ipAddress), now) >= PER_ADDRESS;
    }

    public void recordFailure(String email, String ipAddress) {
        if (failures.size() > MAX_KEYS) {
            failures.clear();
        }
        Instant now = clock.instant();
        record(accountKey(email), now);
        record(addressKey(ipAddress), now);
    }

    public void recordSuccess(String email) {
        failures.remove(accountKey(email));
    }

    private int count(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            return times.size();
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
            times.removeFirst();
        }
    }

    private static String accountKey(String email) {
        return "a:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String ipAddress) {
        return "i:" + ipAddress;
    }
}
