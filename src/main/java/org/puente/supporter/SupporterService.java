package org.puente.supporter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.puente.platform.i18n.Language;

/** The supporter list, shared by petitions (which add people who consent) and alerts (which mail them). */
@ApplicationScoped
@Transactional
public class SupporterService {

    @PersistenceContext
    EntityManager em;

    /** Creates or updates the supporter behind an explicit consent, joining the caller's transaction. */
    public Supporter recordConsent(String email, String canonicalEmail, String firstName, String lastName,
            String postalCode, String country, Language language, String source) {
        Instant now = Instant.now();
        // A plain read: locking a row that may not exist takes a gap lock, and simultaneous first consents
        // deadlock on it. The unique key settles a race; the version column a simultaneous update (callers retry).
        Supporter supporter = em.createNamedQuery("Supporter.findByCanonicalEmail", Supporter.class)
                .setParameter("email", canonicalEmail).getResultList().stream().findFirst().orElse(null);
        if (supporter == null) {
            supporter = new Supporter(email, canonicalEmail, now);
            supporter.consent(firstName, lastName, postalCode, country, language, source, now);
            em.persist(supporter);
            em.flush();
        } else {
            supporter.consent(firstName, lastName, postalCode, country, language, source, now);
        }
        record(supporter.getId(), "CONSENT", source, now);
        return supporter;
    }

    /**
     * Stops every alert to this supporter, at once and for good (until they consent again).
     *
     * @return whether the supporter exists
     */
    public boolean unsubscribe(long supporterId, String source) {
        Supporter supporter = em.find(Supporter.class, supporterId);
        if (supporter == null) {
            return false;
        }
        if (supporter.getStatus() == SupporterStatus.SUBSCRIBED) {
            Instant now = Instant.now();
            supporter.suppress(SupporterStatus.UNSUBSCRIBED, now);
            record(supporterId, "UNSUBSCRIBE", source, now);
        }
        return true;
    }

    /** The mail server refused the address for good: no alert goes there again. */
    public void bounced(long supporterId, String source) {
        Supporter supporter = em.find(Supporter.class, supporterId);
        if (supporter != null && supporter.getStatus() == SupporterStatus.SUBSCRIBED) {
            Instant now = Instant.now();
            supporter.suppress(SupporterStatus.BOUNCED, now);
            record(supporterId, "BOUNCE", source, now);
        }
    }

    /** The language every later alert to this supporter is written in. */
    public boolean changeLanguage(long supporterId, Language language, String source) {
        Supporter supporter = em.find(Supporter.class, supporterId);
        if (supporter == null) {
            return false;
        }
        if (supporter.getLanguage() != language) {
            Instant now = Instant.now();
            supporter.changeLanguage(language, now);
            record(supporterId, "LANGUAGE", source, now);
        }
        return true;
    }

    /**
     * Erases a supporter, at their request or staff's: the supporter row and its history go, their
     * unconfirmed signatures go, and their confirmed signatures stay counted with nothing left that
     * names or reaches them (name, address, postal code, comment, source address). Past alerts keep
     * their delivery counts but no longer the address.
     *
     * @return whether the supporter existed
     */
    public boolean forget(long supporterId) {
        Supporter supporter = em.find(Supporter.class, supporterId);
        if (supporter == null) {
            return false;
        }
        String canonical = supporter.getEmailCanonical();
        em.createNativeQuery("DELETE FROM signature WHERE email_canonical = ? AND state = 'PENDING'")
                .setParameter(1, canonical).executeUpdate();
        // The canonical address is unique per petition; the row's own id keeps it so once anonymized.
        em.createNativeQuery("UPDATE signature SET first_name = '', last_name = '', email = 'erased@invalid', "
                + "email_canonical = CONCAT('erased-', id), postal_code = NULL, comment = NULL, source_ip = NULL, "
                + "token_hash = NULL, token_expires_at = NULL WHERE email_canonical = ?")
                .setParameter(1, canonical).executeUpdate();
        em.createNativeQuery("UPDATE alert_delivery SET email = 'erased@invalid', supporter_id = NULL WHERE supporter_id = ?")
                .setParameter(1, supporterId).executeUpdate();
        em.remove(supporter);
        return true;
    }

    private void record(long supporterId, String kind, String source, Instant now) {
        em.createNativeQuery("INSERT INTO supporter_event (supporter_id, kind, source, happened_at) VALUES (?, ?, ?, ?)")
                .setParameter(1, supporterId).setParameter(2, kind)
                .setParameter(3, source.length() > 120 ? source.substring(0, 120) : source)
                .setParameter(4, java.sql.Timestamp.from(now)).executeUpdate();
    }

    /** Whether alerts may go to this supporter now (an unsubscribe during a send is honoured). */
    public boolean isSubscribed(long supporterId) {
        return !em.createNativeQuery("SELECT 1 FROM supporter WHERE id = ? AND status = 'SUBSCRIBED'")
                .setParameter(1, supporterId).getResultList().isEmpty();
    }

    public java.util.Optional<Supporter> find(long supporterId) {
        return java.util.Optional.ofNullable(em.find(Supporter.class, supporterId));
    }
}
