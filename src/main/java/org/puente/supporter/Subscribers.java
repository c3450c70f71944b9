package org.puente.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.puente.platform.i18n.Language;

/**
 * The supporters alerts may reach, as the features that mail them ask for them: who is in an audience
 * (read in pages, so an audience of 100,000 never sits in memory or in one persistence context), who is
 * still subscribed at the moment of sending, and who left through a given link. Reads only, joining the
 * caller's transaction when there is one.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class Subscribers {

    /** Unsubscribes are recorded with this kind in the supporter's history. */
    static final String UNSUBSCRIBE = "UNSUBSCRIBE";
    /** The supporters who left through links naming {@code ?1} ("alert 42"). */
    public static final String UNSUBSCRIBED_THROUGH =
            "SELECT DISTINCT supporter_id FROM supporter_event WHERE kind = ? AND source = ?";

    @PersistenceContext
    EntityManager em;

    /**
     * Narrows the subscribed supporters: each part null for "any".
     *
     * @param postalPrefix postal codes starting with this
     */
    public record Criteria(Language language, String country, String postalPrefix) {}

    /** One subscribed supporter an alert goes to, in their own language. */
    public record Recipient(long id, String email, Language language) {}

    /** The next {@code limit} subscribed supporters meeting the criteria, in id order after {@code afterId}. */
    public List<Recipient> subscribed(Criteria criteria, long afterId, int limit) {
        return recipients(query(criteria, " and s.id > :after order by s.id")
                .setParameter("after", afterId)
                .setMaxResults(limit));
    }

    /** The subscribed supporters meeting the criteria among these canonical addresses (a thousand or so at a time). */
    public List<Recipient> subscribedAmong(Criteria criteria, Collection<String> canonicalEmails) {
        if (canonicalEmails.isEmpty()) {
            return List.of();
        }
        return recipients(query(criteria, " and s.emailCanonical in :emails order by s.id")
                .setParameter("emails", canonicalEmails));
    }

    /**
     * A supporter still subscribed at the moment of sending: the generation their preferences link is signed
     * with, and their first name for a greeting (blank when unknown).
     */
    public record Reachable(int linkGeneration, String firstName) {}

    /** Which of these supporters are subscribed now, read at the moment of sending. */
    public Map<Long, Reachable> stillSubscribed(Collection<Long> supporterIds) {
        Map<Long, Reachable> subscribed = new HashMap<>();
        if (supporterIds.isEmpty()) {
            return subscribed;
        }
        em.createQuery(
                        "select s.id, s.linkGeneration, s.firstName from Supporter s"
                                + " where s.status = :subscribed and s.id in :ids",
                        Object[].class)
                .setParameter("subscribed", SupporterStatus.SUBSCRIBED)
                .setParameter("ids", supporterIds)
                .getResultList()
                .forEach(row -> subscribed.put((Long) row[0], new Reachable((Integer) row[1], (String) row[2])));
        return subscribed;
    }

    /** The supporters who unsubscribed through a link naming {@code source} (as {@code "alert 42"}). */
    public Set<Long> unsubscribedThrough(String source) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(UNSUBSCRIBED_THROUGH)
                .setParameter(1, UNSUBSCRIBE)
                .setParameter(2, source)
                .getResultList();
        Set<Long> result = new HashSet<>();
        ids.forEach(id -> result.add(id.longValue()));
        return result;
    }

    private TypedQuery<Object[]> query(Criteria criteria, String rest) {
        StringBuilder jpql = new StringBuilder(
                "select s.id, s.email, s.language from Supporter s " + "where s.status = :subscribed");
        if (criteria.language() != null) {
            jpql.append(" and s.language = :language");
        }
        if (criteria.country() != null) {
            jpql.append(" and s.country = :country");
        }
        if (criteria.postalPrefix() != null) {
            jpql.append(" and s.postalCode like :postal escape '!'");
        }
        TypedQuery<Object[]> query =
                em.createQuery(jpql + rest, Object[].class).setParameter("subscribed", SupporterStatus.SUBSCRIBED);
        if (criteria.language() != null) {
            query.setParameter("language", criteria.language());
        }
        if (criteria.country() != null) {
            query.setParameter("country", criteria.country());
        }
        if (criteria.postalPrefix() != null) {
            query.setParameter(
                    "postal",
                    criteria.postalPrefix()
                                    .replace("!", "!!")
                                    .replace("%", "!%")
                                    .replace("_", "!_") + "%");
        }
        return query;
    }

    private static List<Recipient> recipients(TypedQuery<Object[]> query) {
        return query.getResultList().stream()
                .map(row -> new Recipient((Long) row[0], (String) row[1], (Language) row[2]))
                .toList();
    }
}
