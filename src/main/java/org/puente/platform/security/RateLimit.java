package org.puente.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most so many events per key within a window that starts at the key's first event (password reset
 * requests per address, per client). In memory and bounded: when full, the least recently used keys are
 * forgotten first, never all at once. One instance's view, reset on restart.
 */
public final class RateLimit {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, long[]> counts;

    /** @param maxKeys how many keys are remembered at most */
    public RateLimit(int limit, Duration window, int maxKeys, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.counts = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
                return super.size() > maxKeys;
            }
        };
    }

    /** Counts one event for the key; false (and not counted) when the key has reached its limit. */
    public boolean tryAcquire(String key) {
        Instant now = clock.instant();
        synchronized (counts) {
            long[] entry = counts.get(key); // {window start in epoch millis, count}
            if (entry == null || now.toEpochMilli() >= entry[0] + window.toMillis()) {
                entry = new long[] {now.toEpochMilli(), 0};
                counts.put(key, entry);
            }
            if (entry[1] >= limit) {
                return false;
            }
            entry[1]++;
            return true;
        }
    }

    int size() {
        synchronized (counts) {
            return counts.size();
        }
    }
}
