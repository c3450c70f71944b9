package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The confirmed count that pages show, at most {@link #MAX_AGE} stale.
 *
 * <p>The count is never stored as a running total: it is the number of confirmed signature rows, read
 * through the {@code (petition_id, state)} index. Confirmations therefore never contend for one hot
 * counter row, and the figure cannot drift from the rows. This cache keeps a spike of readers from
 * turning into a spike of COUNT queries: each instance counts a petition at most once per interval.
 */
@ApplicationScoped
public class SignatureCounts {

    static final Duration MAX_AGE = Duration.ofSeconds(2);

    private record Entry(long count, long readAt) {}

    private final Map<Long, Entry> counts = new ConcurrentHashMap<>();

    @Inject
    SignatureService signatures;

    public long confirmed(long petitionId) {
        long now = System.nanoTime();
        Entry entry = counts.get(petitionId);
        if (entry == null || now - entry.readAt() > MAX_AGE.toNanos()) {
            entry = new Entry(signatures.confirmedCount(petitionId), now);
            counts.put(petitionId, entry);
        }
        return entry.count();
    }

    /** After this instance confirms a signature, its own readers see it at once. */
    void forget(long petitionId) {
        counts.remove(petitionId);
    }
}
