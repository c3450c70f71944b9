package org.puente.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.puente.platform.web.PublicPageCache;

/**
 * What the public event pages read, kept at most {@link #MAX_AGE} on each instance: a crowd of readers
 * becomes one query per event (and one count of places) per interval rather than one per reader. Pages only
 * <em>show</em> from here; registering, confirming and cancelling always read and lock the database, so a
 * cancelled event refuses registrations at once and the capacity is never decided from a cached count.
 *
 * <p>Cached events are detached and never changed; their co-hosts are loaded before caching. Only events
 * that exist are kept, so made-up addresses cannot grow the map.
 */
@ApplicationScoped
public class EventReadCache {

    static final Duration MAX_AGE = Duration.ofSeconds(2);

    private record Entry<T>(T value, long readAt) {

        boolean isFresh(long now) {
            return now - readAt <= MAX_AGE.toNanos();
        }
    }

    private final Map<String, Entry<CoalitionEvent>> bySlug = new ConcurrentHashMap<>();
    private final Map<Long, Entry<Long>> places = new ConcurrentHashMap<>();
    private volatile Entry<List<CoalitionEvent>> upcoming;
    private volatile Entry<List<CoalitionEvent>> past;

    @Inject
    RegistrationService events;

    @Inject
    PublicPageCache pages;

    public Optional<CoalitionEvent> visible(String slug) {
        long now = System.nanoTime();
        Entry<CoalitionEvent> entry = slug == null ? null : bySlug.get(slug);
        if (entry != null && entry.isFresh(now)) {
            return Optional.of(entry.value());
        }
        Optional<CoalitionEvent> found = events.findVisibleForReading(slug);
        if (found.isPresent()) {
            bySlug.put(slug, new Entry<>(found.get(), now));
        } else if (slug != null) {
            bySlug.remove(slug);
        }
        return found;
    }

    public List<CoalitionEvent> upcoming() {
        upcoming = fresh(upcoming, events::upcoming);
        return upcoming.value();
    }

    public List<CoalitionEvent> past() {
        past = fresh(past, events::past);
        return past.value();
    }

    /** Confirmed places (guests included), at most {@link #MAX_AGE} stale. */
    public long placesTaken(long eventId) {
        long now = System.nanoTime();
        Entry<Long> entry = places.get(eventId);
        if (entry == null || !entry.isFresh(now)) {
            entry = new Entry<>(events.placesTaken(eventId), now);
            places.put(eventId, entry);
        }
        return entry.value();
    }

    /** Whole event pages as anonymous readers get them ({@link EventUrlFilter}). */
    PublicPageCache pages() {
        return pages;
    }

    /** This instance forgets at once what it read, after the change is committed; others within {@link #MAX_AGE}. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsChanged change) {
        bySlug.clear();
        places.clear();
        pages.clear();
        upcoming = null;
        past = null;
    }

    /** After this instance confirms or cancels a place, its own readers see the count at once. */
    void forgetPlaces(long eventId) {
        places.remove(eventId);
    }

    private static <T> Entry<T> fresh(Entry<T> entry, Supplier<T> load) {
        long now = System.nanoTime();
        return entry != null && entry.isFresh(now) ? entry : new Entry<>(load.get(), now);
    }
}
