package org.puente.petition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.puente.platform.web.PublicPageCache;

/**
 * What the public petition pages read, kept at most {@link #MAX_AGE} on each instance: a crowd of readers
 * becomes one query per petition per interval rather than one per reader. Pages only <em>show</em> from
 * here (the form, the "closed" notice); taking and confirming a signature always checks the database, so
 * closing or pausing a petition stops signing at once.
 *
 * <p>Anonymous readers' whole pages are kept as long ({@link PublicPageCache}): a page and the count on it
 * are then at most {@code MAX_AGE} plus {@link SignatureCounts#MAX_AGE} old.
 *
 * <p>Cached petitions are detached and never changed; their co-sponsors are loaded before caching.
 * Only petitions that exist are cached, so made-up addresses cannot grow the map.
 */
@ApplicationScoped
public class PetitionReadCache {

    static final Duration MAX_AGE = Duration.ofSeconds(2);

    private record Entry<T>(T value, long readAt) {

        boolean isFresh(long now) {
            return now - readAt <= MAX_AGE.toNanos();
        }
    }

    private final Map<String, Entry<Petition>> bySlug = new ConcurrentHashMap<>();
    private volatile Entry<Boolean> allPaused;
    private volatile Entry<List<Petition>> open;

    @Inject
    Clock clock;

    @Inject
    PublicPageCache pages;

    @Inject
    SignatureService signatures;

    public Optional<Petition> visible(String slug) {
        long now = System.nanoTime();
        Entry<Petition> entry = slug == null ? null : bySlug.get(slug);
        if (entry != null && entry.isFresh(now)) {
            return Optional.of(entry.value());
        }
        Optional<Petition> found = signatures.findVisibleForReading(slug);
        if (found.isPresent()) {
            bySlug.put(slug, new Entry<>(found.get(), now));
        } else if (slug != null) {
            bySlug.remove(slug);
        }
        return found;
    }

    /** Whole petition pages as anonymous readers get them ({@link PetitionUrlFilter}). */
    public PublicPageCache pages() {
        return pages;
    }

    public List<Petition> open() {
        open = fresh(open, signatures::listOpen);
        return open.value();
    }

    /** Whether the page should offer the form: open, not paused, and signing not paused site-wide. */
    public boolean isSignable(Petition petition) {
        allPaused = fresh(allPaused, signatures::isAllSigningPaused);
        return petition.isSignable(clock.instant()) && !allPaused.value();
    }

    /** This instance forgets at once what it read, after the change is committed; others within {@link #MAX_AGE}. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) PetitionsChanged change) {
        bySlug.clear();
        pages.clear();
        allPaused = null;
        open = null;
    }

    private static <T> Entry<T> fresh(Entry<T> entry, Supplier<T> load) {
        long now = System.nanoTime();
        return entry != null && entry.isFresh(now) ? entry : new Entry<>(load.get(), now);
    }
}
