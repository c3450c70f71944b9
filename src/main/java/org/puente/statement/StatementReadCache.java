package org.puente.statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.puente.organization.OrganizationService;
import org.puente.platform.web.PublicPageCache;

/**
 * What the public statement pages read, kept at most {@link #MAX_AGE} on each instance: a statement shared
 * to the press becomes one query per interval rather than one per reader. Pages only <em>show</em> from
 * here; signing always reads and locks the database. A change made on this instance shows at once
 * ({@link StatementsChanged}); one made on another instance within that interval (plus the page cache's own).
 *
 * <p>Cached statements are detached and never changed; their demands and co-leads are loaded before caching.
 * Only statements and organizations that exist are kept, so made-up addresses cannot grow the maps.
 */
@ApplicationScoped
public class StatementReadCache {

    static final Duration MAX_AGE = Duration.ofSeconds(2);

    private record Entry<T>(T value, long readAt) {

        boolean isFresh(long now) {
            return now - readAt <= MAX_AGE.toNanos();
        }
    }

    private final Map<String, Entry<Statement>> bySlug = new ConcurrentHashMap<>();
    private final Map<Long, Entry<SignatoryList>> signatories = new ConcurrentHashMap<>();
    private final Map<Long, Entry<List<Statement>>> signedBy = new ConcurrentHashMap<>();
    private volatile Entry<List<Statement>> listed;
    private volatile Entry<Map<Long, Long>> endorsements;
    private volatile Entry<Set<Long>> withLogo;

    @Inject
    StatementService statements;

    @Inject
    PublicPageCache pages;

    @Inject
    OrganizationService organizations;

    /** A public statement (listed or archived) by its address. */
    public Optional<Statement> visible(String slug) {
        long now = System.nanoTime();
        Entry<Statement> entry = slug == null ? null : bySlug.get(slug);
        if (entry != null && entry.isFresh(now)) {
            return Optional.of(entry.value());
        }
        Optional<Statement> found = statements.findPublic(slug);
        if (found.isPresent()) {
            found.get().getDemands();
            found.get().getColeads();
            bySlug.put(slug, new Entry<>(found.get(), now));
        } else if (slug != null) {
            bySlug.remove(slug);
        }
        return found;
    }

    /** Open, closed and released statements, newest first. */
    public List<Statement> listed() {
        listed = fresh(listed, statements::listed);
        return listed.value();
    }

    /** How many organizations endorse a listed statement's current text. */
    public long endorsements(Statement statement) {
        endorsements = fresh(endorsements, statements::countListedEndorsements);
        return endorsements.value().getOrDefault(statement.getId(), 0L);
    }

    public SignatoryList signatories(Statement statement) {
        long now = System.nanoTime();
        Entry<SignatoryList> entry = signatories.get(statement.getId());
        if (entry == null || !entry.isFresh(now)) {
            entry = new Entry<>(new SignatoryList(statement, statements.signatories(statement)), now);
            signatories.put(statement.getId(), entry);
        }
        return entry.value();
    }

    /** The listed statements an organization (one that exists) signed. */
    public List<Statement> signedBy(long organizationId) {
        long now = System.nanoTime();
        Entry<List<Statement>> entry = signedBy.get(organizationId);
        if (entry == null || !entry.isFresh(now)) {
            entry = new Entry<>(statements.listSignedBy(organizationId), now);
            signedBy.put(organizationId, entry);
        }
        return entry.value();
    }

    /** Whether a member organization has a logo (one query for a page of signatories, asked of its feature). */
    public boolean hasLogo(long organizationId) {
        withLogo = fresh(withLogo, organizations::idsWithLogo);
        return withLogo.value().contains(organizationId);
    }

    /** Whole statement pages as anonymous readers get them ({@link StatementUrlFilter}). */
    PublicPageCache pages() {
        return pages;
    }

    private static <T> Entry<T> fresh(Entry<T> entry, Supplier<T> load) {
        long now = System.nanoTime();
        return entry != null && entry.isFresh(now) ? entry : new Entry<>(load.get(), now);
    }

    /** This instance forgets at once what it read, after the change is committed; others within {@link #MAX_AGE}. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatementsChanged change) {
        bySlug.clear();
        signatories.clear();
        signedBy.clear();
        listed = null;
        endorsements = null;
        pages.clear();
    }
}
